using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>The locally connected layer: the lecture's parameter count, equality with a convolution when tied, gradients.</summary>
public class LocallyConnected2dTests
{
    [Fact]
    public void ThirtyTwoSquareWithThreeByThreeNeighbourhoodsHas9216Weights()
    {
        var layer = new LocallyConnected2d(1, 1, 32, 32, 3, padding: 1, bias: false);
        Assert.Equal(9_216, layer.ParameterCount);
        Assert.Equal((32, 32), (layer.OutHeight, layer.OutWidth));
    }

    [Fact]
    public void TyingEveryPositionToOneKernelGivesTheConvolution()
    {
        var g = new Generator(3);
        var x = Tensor.Randn([2, 3, 9, 8], g);
        var (kernel, bias) = (Tensor.Randn([4, 3, 3, 3], g), Tensor.Randn([4], g));
        var tied = LocallyConnected2d.Tied(kernel, bias, 9, 8, stride: 2, padding: 1);
        var expected = x.Conv2d(kernel, bias, stride: 2, padding: 1);
        var actual = tied.Forward(x);
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.True((expected - actual).Abs().Max().Item() < 1e-5);
    }

    [Fact]
    public void UntiedPositionsGiveDifferentResponsesToTheSamePatch()
    {
        var layer = new LocallyConnected2d(1, 1, 4, 4, 2, stride: 2, bias: false, generator: new Generator(5));
        var y = layer.Forward(Tensor.Ones(1, 1, 4, 4)).Reshape(-1).ToArray<float>();
        Assert.Equal(4, y.Distinct().Count());
    }

    [Fact]
    public void TiedGradientsSumToTheConvolutionGradients()
    {
        var g = new Generator(9);
        var x1 = Tensor.Randn([2, 2, 5, 5], g).RequiresGrad_();
        var x2 = x1.Detach().Clone().RequiresGrad_();
        var kernel = Tensor.Randn([3, 2, 3, 3], g).RequiresGrad_();
        var bias = Tensor.Randn([3], g).RequiresGrad_();
        var tied = LocallyConnected2d.Tied(kernel.Detach(), bias.Detach(), 5, 5, padding: 1);
        var yc = x1.Conv2d(kernel, bias, padding: 1);
        (yc * yc).Sum().Backward();
        var yl = tied.Forward(x2);
        (yl * yl).Sum().Backward();
        AssertClose(x1.Grad!, x2.Grad!);
        AssertClose(kernel.Grad!.Reshape(3, -1), tied.Weight.Grad!.Sum(0));
        AssertClose(bias.Grad!, tied.Bias!.Grad!.Sum([1, 2]));
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        double scale = Math.Max(1, expected.Abs().Max().Item());
        Assert.True((expected - actual).Abs().Max().Item() < 1e-4 * scale, $"{expected} vs {actual}");
    }
}
