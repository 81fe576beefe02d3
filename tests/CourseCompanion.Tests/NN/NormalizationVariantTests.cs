using CourseCompanion.Checks;
using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>GroupNorm and InstanceNorm2d: PyTorch 1.13 values, per-group statistics, the G = 1 and G = C special cases, gradients.</summary>
public class NormalizationVariantTests
{
    private static Tensor Wave(int[] shape, double step, double phase, double scale = 1) =>
        ((Tensor.Arange(0, shape.Aggregate(1, (a, b) => a * b), 1, DType.Float64) * step + phase).Sin() * scale).Reshape(shape);

    [Fact]
    public void GroupNormMatchesPyTorch()
    {
        var x = Wave([2, 4, 3], 0.7, 0.3, 2);
        var norm = new GroupNorm(2, 4, dtype: DType.Float64);
        using (Autograd.NoGrad())
        {
            norm.Weight!.Copy_(Tensor.FromArray([1.0, 1.1, 1.2, 1.3]));
            norm.Bias!.Copy_(Tensor.FromArray([0.0, 0.05, 0.1, 0.15]));
        }
        // torch.nn.GroupNorm(2, 4) with the same input, weight and bias (float64)
        double[] expected = [-0.14099828065424386, -1.9378695369231056, 1.8167927627671305, 0.05083311989415135, -2.2015439123701537];
        var y = norm.Forward(x).Reshape(-1).ToArray<double>();
        int[] at = [0, 5, 11, 17, 23];
        for (int i = 0; i < at.Length; i++) Assert.Equal(expected[i], y[at[i]], 1e-10);
    }

    [Fact]
    public void InstanceNormMatchesPyTorch()
    {
        var x = Wave([2, 3, 2, 2], 1.3, 0);
        var y = new InstanceNorm2d(3, dtype: DType.Float64).Forward(x).Reshape(-1).ToArray<double>();
        double[] expected = [-0.32189683329087054, -1.55023264207102, -0.9231857856251802, -1.3921372250224526];
        int[] at = [0, 4, 9, 23];
        for (int i = 0; i < at.Length; i++) Assert.Equal(expected[i], y[at[i]], 1e-10);
    }

    [Fact]
    public void EveryGroupHasZeroMeanAndUnitVariance()
    {
        var x = Tensor.Randn([3, 6, 4, 4], new Generator(1), DType.Float64) * 3 + 2;
        var y = new GroupNorm(3, 6, dtype: DType.Float64).Forward(x).Reshape(3, 3, -1);
        Assert.True(y.Mean(2).Abs().Max().Item() < 1e-12);
        Assert.True((y.Var([2], correction: 0) - 1).Abs().Max().Item() < 1e-4);
    }

    [Fact]
    public void OneGroupIsLayerNormAndOneChannelPerGroupIsInstanceNorm()
    {
        var x = Tensor.Randn([2, 4, 3, 3], new Generator(2), DType.Float64);
        var layer = new LayerNorm([4, 3, 3], elementwiseAffine: false, dtype: DType.Float64).Forward(x);
        Assert.True((new GroupNorm(1, 4, dtype: DType.Float64).Forward(x) - layer).Abs().Max().Item() < 1e-12);
        var instance = new InstanceNorm2d(4, dtype: DType.Float64).Forward(x);
        Assert.True((new GroupNorm(4, 4, dtype: DType.Float64).Forward(x) - instance).Abs().Max().Item() < 1e-12);
    }

    [Fact]
    public void GroupNormGradientsPassTheCheck()
    {
        var x = Tensor.Randn([2, 4, 3], new Generator(4), DType.Float64);
        var gamma = Tensor.Randn([4], new Generator(5), DType.Float64);
        var beta = Tensor.Randn([4], new Generator(6), DType.Float64);
        var weights = Tensor.Randn([2, 4, 3], new Generator(7), DType.Float64);
        var result = GradientCheck.Run(t =>
        {
            var norm = new GroupNorm(2, 4, dtype: DType.Float64);
            var y = norm.Forward(t[0]);
            return ((y * t[1].Reshape(1, 4, 1) + t[2].Reshape(1, 4, 1)) * weights).Sum();
        }, [x, gamma, beta], tolerance: 1e-5);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void ChannelCountMustBeAMultipleOfTheGroups() =>
        Assert.Throws<ArgumentException>(() => new GroupNorm(3, 4));
}
