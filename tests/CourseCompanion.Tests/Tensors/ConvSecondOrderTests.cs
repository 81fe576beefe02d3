using CourseCompanion.Checks;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>
/// Second derivatives through the convolution and pooling backward rules (gradient penalties need them): the gradient of
/// Σ f(x)² computed with createGraph is itself checked against finite differences. Also shape errors and the im2col identity.
/// </summary>
public class ConvSecondOrderTests
{
    private static Tensor R(params int[] shape) => Tensor.Randn(shape, new Generator((ulong)shape.Sum()), DType.Float64);

    /// <summary>All input gradients of Σ f(x)², built with createGraph and flattened into one vector.</summary>
    private static Tensor GradientOf(Func<Tensor[], Tensor> f, Tensor[] x)
    {
        using var _ = Autograd.EnableGrad();
        var y = f(x);
        var grads = Autograd.Grad((y * y).Sum(), x, createGraph: true);
        return Tensor.Cat(grads.Select(g => g.Reshape(-1)).ToArray());
    }

    public static TheoryData<string> Ops => new() { "conv2d", "conv2d_1x1", "conv_t2d", "max_pool2d", "avg_pool2d", "unfold", "fold", "bilinear", "adaptive" };

    private static (Func<Tensor[], Tensor> F, Tensor[] X) Case(string name) => name switch
    {
        "conv2d" => (x => x[0].Conv2d(x[1], x[2], stride: (2, 1), padding: 1, groups: 2), [R(2, 4, 5, 4), R(4, 2, 3, 2), R(4)]),
        "conv2d_1x1" => (x => x[0].Conv2d(x[1]), [R(2, 3, 2, 3), R(2, 3, 1, 1)]),
        "conv_t2d" => (x => x[0].ConvTranspose2d(x[1], x[2], stride: 2, padding: 1, outputPadding: 1), [R(1, 2, 3, 3), R(2, 3, 3, 3), R(3)]),
        "max_pool2d" => (x => x[0].MaxPool2d(3, 2, 1), [R(2, 2, 5, 5)]),
        "avg_pool2d" => (x => x[0].AvgPool2d(3, 2, 1, countIncludePad: false), [R(1, 2, 5, 6)]),
        "unfold" => (x => x[0].Unfold((2, 3), padding: 1, stride: 2), [R(1, 2, 4, 5)]),
        "fold" => (x => x[0].Fold((4, 5), (2, 3)), [R(1, 12, 9)]),
        "bilinear" => (x => x[0].Interpolate((5, 7), mode: InterpolationMode.Bilinear), [R(1, 2, 3, 4)]),
        _ => (x => x[0].AdaptiveAvgPool2d((3, 2)), [R(1, 2, 5, 5)]),
    };

    [Theory, MemberData(nameof(Ops))]
    public void GradientsAreDifferentiable(string name)
    {
        var (f, x) = Case(name);
        // the gradients are cubic in the inputs: a larger step keeps round-off (which grows as 1/eps) below the tolerance
        var result = GradientCheck.Run(inputs => GradientOf(f, inputs), x, eps: 1e-4);
        Assert.True(result.Passed, $"{name}: {result}");
    }

    [Fact]
    public void ConvolutionIsWeightTimesUnfold()
    {
        var x = R(2, 3, 6, 5);
        var w = R(4, 3, 3, 2);
        var viaUnfold = w.Reshape(4, -1).MatMul(x.Unfold((3, 2), padding: 1)).Reshape(2, 4, 6, 6);
        OpCheckAssert(x.Conv2d(w, padding: 1), viaUnfold);
    }

    private static void OpCheckAssert(Tensor expected, Tensor actual) =>
        Fixtures.OpCheck.AssertClose("conv vs unfold", expected, actual, 1e-12, 1e-12);

    [Theory]
    [InlineData("channels", "Conv2d: input [1, 3, 5, 5] and weight [2, 2, 3, 3] do not fit groups=1")]
    [InlineData("rank", "Conv2d: expected the input as [N, C, H, W] (or [C, H, W]), got shape [5, 5]")]
    [InlineData("small", "Conv2d: input [1, 2, 2, 2] with padding 0 is empty or smaller than the kernel (3, 3) dilated by 1")]
    [InlineData("bias", "Conv2d: bias of shape [3] should have shape [2]")]
    [InlineData("pool", "MaxPool2d: padding 2 must be non-negative and at most half the kernel size 3")]
    public void ShapeErrorsNameTheOpAndShapes(string which, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => which switch
        {
            "channels" => Tensor.Zeros(1, 3, 5, 5).Conv2d(Tensor.Zeros(2, 2, 3, 3)),
            "rank" => Tensor.Zeros(5, 5).Conv2d(Tensor.Zeros(2, 2, 3, 3)),
            "small" => Tensor.Zeros(1, 2, 2, 2).Conv2d(Tensor.Zeros(2, 2, 3, 3)),
            "bias" => Tensor.Zeros(1, 2, 5, 5).Conv2d(Tensor.Zeros(2, 2, 3, 3), Tensor.Zeros(3)),
            _ => Tensor.Zeros(1, 1, 5, 5).MaxPool2d(3, 1, 2),
        });
        Assert.StartsWith(message, e.Message);
    }
}
