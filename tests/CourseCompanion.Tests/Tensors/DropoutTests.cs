using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Dropout is random, so it is checked by its moments, its seed, evaluation mode and its gradient rather than against PyTorch's values.</summary>
public class DropoutTests
{
    private const int N = 100_000;

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void ZeroesAboutPAndScalesSurvivorsByOneOverOneMinusP(double p)
    {
        var y = Tensor.Ones(N).Dropout(p, training: true, new Generator(42)).ToArray<float>();
        double zeroed = y.Count(v => v == 0) / (double)N;
        double sigma = Math.Sqrt(p * (1 - p) / N);
        Assert.True(Math.Abs(zeroed - p) < 5 * sigma, $"fraction zeroed {zeroed:F4}, expected {p} ± {5 * sigma:F4}. Possible reason: p used as the keep probability.");
        float scale = (float)(1 / (1 - p));
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(scale, v));
        Assert.True(Math.Abs(y.Average() - 1) < 5 * sigma / (1 - p), $"mean {y.Average():F4}, expected 1: inverted dropout keeps the expected value.");
    }

    [Fact]
    public void PreservesTheMeanOfRandomInputs()
    {
        var x = Tensor.Randn([N], new Generator(3), DType.Float64) + 2.0;
        double before = x.Mean().Item(), after = x.Dropout(0.3, true, new Generator(4)).Mean().Item();
        Assert.True(Math.Abs(after - before) < 0.03, $"mean {after:F4} after dropout, {before:F4} before.");
    }

    [Fact]
    public void SameSeedSameMaskDifferentSeedDifferentMask()
    {
        var x = Tensor.Ones(1000);
        var a = x.Dropout(0.5, true, new Generator(7)).ToArray<float>();
        var b = x.Dropout(0.5, true, new Generator(7)).ToArray<float>();
        var c = x.Dropout(0.5, true, new Generator(8)).ToArray<float>();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void EvaluationModeAndPZeroAreTheIdentity()
    {
        var x = Tensor.Randn(3, 4);
        Assert.Same(x, x.Dropout(0.5, training: false));
        Assert.Same(x, x.Dropout(0.0));
    }

    [Fact]
    public void POneZeroesEverything() =>
        Assert.All(Tensor.Randn(50).Dropout(1.0).ToArray<float>(), v => Assert.Equal(0f, v));

    [Fact]
    public void GradientUsesTheSameMaskAndScale()
    {
        var x = Tensor.Ones(200).RequiresGrad_();
        var y = x.Dropout(0.25, true, new Generator(5));
        Assert.Equal("Dropout", y.GradFnName);
        y.Backward(Tensor.Ones(200));
        Assert.Equal(y.ToArray<float>(), x.Grad!.ToArray<float>()); // x = 1 and upstream = 1: both are mask / (1 − p)
    }

    [Fact]
    public void RejectsProbabilitiesOutsideZeroOne()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Ones(3).Dropout(1.5));
        Assert.Contains("Dropout: p (the drop probability) must lie in [0, 1]", e.Message);
    }
}
