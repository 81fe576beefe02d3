using CourseCompanion.Tensors;
using MathNet.Numerics.Distributions;

namespace CourseCompanion.Tests.Tensors;

/// <summary>
/// The random creation functions: moments, a Kolmogorov–Smirnov distance to the target distribution,
/// reproducibility under a seed, and Randperm being a permutation. Seeds are fixed, so these never flake;
/// the bounds are loose enough (α = 0.001 for KS) that a correct generator passes for any seed.
/// </summary>
public class RandomCreationTests
{
    private const int N = 20_000;

    /// <summary>sup |F_n(x) − F(x)| for the empirical CDF of the samples.</summary>
    private static double KolmogorovSmirnov(double[] samples, Func<double, double> cdf)
    {
        var x = samples.Order().ToArray();
        double d = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double f = cdf(x[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / x.Length - f, f - (double)i / x.Length));
        }
        return d;
    }

    private static readonly double KsCritical = 1.95 / Math.Sqrt(N); // α = 0.001

    [Fact]
    public void RandIsUniformOnZeroOne()
    {
        var x = Tensor.Rand([N], new Generator(1), DType.Float64).ToArray<double>();
        Assert.All(x, v => Assert.InRange(v, 0.0, 0.9999999999));
        Assert.InRange(x.Average(), 0.5 - 0.01, 0.5 + 0.01);
        Assert.InRange(x.Select(v => (v - 0.5) * (v - 0.5)).Average(), 1.0 / 12 - 0.003, 1.0 / 12 + 0.003);
        double d = KolmogorovSmirnov(x, v => v);
        Assert.True(d < KsCritical, $"KS distance to U(0, 1) is {d:F4}, critical {KsCritical:F4}.");
    }

    [Fact]
    public void RandnIsStandardNormal()
    {
        var x = Tensor.Randn([N], new Generator(2), DType.Float64).ToArray<double>();
        double mean = x.Average(), variance = x.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.96, 1.04);
        double d = KolmogorovSmirnov(x, v => Normal.CDF(0, 1, v));
        Assert.True(d < KsCritical, $"KS distance to N(0, 1) is {d:F4}, critical {KsCritical:F4}.");
    }

    [Fact]
    public void RandintCoversLowToHighExclusiveEvenly()
    {
        var x = Tensor.Randint(-2, 3, [N], new Generator(3));
        Assert.Equal(DType.Int64, x.DType);
        var counts = x.ToArray<long>().GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([-2L, -1, 0, 1, 2], counts.Keys.Order());
        Assert.All(counts.Values, c => Assert.InRange(c, N / 5 - 300, N / 5 + 300)); // ±5σ, σ = √(N·0.2·0.8) ≈ 57
    }

    [Fact]
    public void BernoulliHitsWithProbabilityP()
    {
        var x = Tensor.Bernoulli(0.3, [N], new Generator(4)).ToArray<float>();
        Assert.All(x, v => Assert.True(v is 0f or 1f));
        Assert.InRange(x.Average(), 0.3 - 0.017, 0.3 + 0.017); // ±5σ

        var p = Tensor.FromArray(new double[] { 0, 1, 0.5 }).Expand(N, 3).Contiguous();
        var y = Tensor.Bernoulli(p, new Generator(5)).Mean(0).ToArray<double>();
        Assert.Equal(0.0, y[0]);
        Assert.Equal(1.0, y[1]);
        Assert.InRange(y[2], 0.5 - 0.018, 0.5 + 0.018);
    }

    [Fact]
    public void RandpermIsAPermutation()
    {
        var p = Tensor.Randperm(1000, new Generator(6)).ToArray<long>();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000).Select(i => (long)i), p);
        Assert.Empty(Tensor.Randperm(0).ToArray<long>());
        Assert.Equal([0L], Tensor.Randperm(1).ToArray<long>());
    }

    [Fact]
    public void RandpermPutsEveryElementEverywhereEqually()
    {
        var g = new Generator(7);
        var firsts = new int[4];
        for (int t = 0; t < 8000; t++) firsts[Tensor.Randperm(4, g).ToArray<long>()[0]]++;
        Assert.All(firsts, c => Assert.InRange(c, 2000 - 200, 2000 + 200)); // ±5σ
    }

    [Fact]
    public void SameSeedGivesSameSamples()
    {
        Assert.Equal(Tensor.Rand([50], new Generator(9)).ToArray<float>(), Tensor.Rand([50], new Generator(9)).ToArray<float>());
        Assert.Equal(Tensor.Randn([50], new Generator(9)).ToArray<float>(), Tensor.Randn([50], new Generator(9)).ToArray<float>());
        Assert.Equal(Tensor.Randint(0, 10, [50], new Generator(9)).ToArray<long>(), Tensor.Randint(0, 10, [50], new Generator(9)).ToArray<long>());
        Assert.Equal(Tensor.Randperm(50, new Generator(9)).ToArray<long>(), Tensor.Randperm(50, new Generator(9)).ToArray<long>());
        Assert.NotEqual(Tensor.Rand([50], new Generator(9)).ToArray<float>(), Tensor.Rand([50], new Generator(10)).ToArray<float>());
    }

    [Fact]
    public void ManualSeedRestartsTheDefaultGenerator()
    {
        Tensor.ManualSeed(123);
        var a = Tensor.Randn(20).ToArray<float>();
        Tensor.ManualSeed(123);
        Assert.Equal(a, Tensor.Randn(20).ToArray<float>());
    }
}
