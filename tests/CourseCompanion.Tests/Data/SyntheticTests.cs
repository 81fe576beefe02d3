using CourseCompanion.Data;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Data;

public class SyntheticTests
{
    public static TheoryData<string, int> Generators => new()
    {
        { "xor", 2 }, { "moons", 2 }, { "circles", 2 }, { "spirals", 4 }, { "blobs", 3 },
    };

    private static (Tensor X, Tensor Y) Make(string name, int n, ulong seed)
    {
        var g = new Generator(seed);
        return name switch
        {
            "xor" => Synthetic.Xor(n, generator: g),
            "moons" => Synthetic.Moons(n, generator: g),
            "circles" => Synthetic.Circles(n, generator: g),
            "spirals" => Synthetic.Spirals(n, arms: 4, generator: g),
            _ => Synthetic.Blobs(n, generator: g),
        };
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void ShapesBalanceAndReproducibility(string name, int classes)
    {
        var (x, y) = Make(name, 120, 1);
        Assert.Equal([120, 2], x.Shape);
        Assert.Equal(DType.Float32, x.DType);
        Assert.Equal([120], y.Shape);
        Assert.Equal(DType.Int64, y.DType);
        var labels = y.ToArray<long>();
        Assert.All(Enumerable.Range(0, classes), k => Assert.Equal(120 / classes, labels.Count(l => l == k)));
        Assert.NotEqual(labels.Order(), labels); // shuffled, not sorted by class

        var (x2, y2) = Make(name, 120, 1);
        Assert.Equal(x.ToArray<float>(), x2.ToArray<float>());
        Assert.Equal(labels, y2.ToArray<long>());
        Assert.NotEqual(x.ToArray<float>(), Make(name, 120, 2).X.ToArray<float>());
    }

    [Fact]
    public void UnevenCountsGiveTheRemainderToTheFirstClasses()
    {
        var labels = Synthetic.Spirals(10, arms: 3, generator: new Generator(0)).Y.ToArray<long>();
        Assert.Equal([4, 3, 3], Enumerable.Range(0, 3).Select(k => labels.Count(l => l == k)));
    }

    [Fact]
    public void NoiselessXorIsTheFourXorPoints()
    {
        var (x, y) = Synthetic.Xor(4, noise: 0, generator: new Generator(0));
        var points = x.ToArray<float>();
        var labels = y.ToArray<long>();
        for (int i = 0; i < 4; i++)
            Assert.Equal(points[2 * i] * points[2 * i + 1] < 0 ? 1 : 0, labels[i]);
        Assert.Equal(4, Enumerable.Range(0, 4).Select(i => (points[2 * i], points[2 * i + 1])).Distinct().Count());
    }

    [Fact]
    public void NoiselessCirclesAndMoonsLieOnTheirCurves()
    {
        var (x, y) = Synthetic.Circles(50, noise: 0, factor: 0.3, generator: new Generator(0));
        var p = x.ToArray<float>();
        var l = y.ToArray<long>();
        for (int i = 0; i < 50; i++) Assert.Equal(l[i] == 0 ? 1 : 0.3, Math.Sqrt(p[2 * i] * p[2 * i] + p[2 * i + 1] * p[2 * i + 1]), 5);

        (x, y) = Synthetic.Moons(50, noise: 0, generator: new Generator(0));
        p = x.ToArray<float>();
        l = y.ToArray<long>();
        for (int i = 0; i < 50; i++)
        {
            double cx = l[i] == 0 ? 0 : 1, cy = l[i] == 0 ? 0 : 0.5;
            Assert.Equal(1, Math.Sqrt((p[2 * i] - cx) * (p[2 * i] - cx) + (p[2 * i + 1] - cy) * (p[2 * i + 1] - cy)), 5);
        }
    }

    [Fact]
    public void BlobsClusterAroundGivenCentres()
    {
        var (x, y) = Synthetic.Blobs(3000, new double[,] { { 5, 0 }, { -5, 2 } }, std: 0.5, generator: new Generator(3));
        var p = x.ToArray<float>();
        var l = y.ToArray<long>();
        double MeanX(int k) => Enumerable.Range(0, 3000).Where(i => l[i] == k).Average(i => p[2 * i]);
        Assert.Equal(5, MeanX(0), 0.05);   // std error 0.5/√1500 ≈ 0.013
        Assert.Equal(-5, MeanX(1), 0.05);
    }

    [Fact]
    public void RegressionCurvesAreSortedAndFollowTheFunction()
    {
        var (x, y) = Synthetic.Polynomial(200, [1, -2, 3], noise: 0, xMin: -2, xMax: 2, generator: new Generator(4));
        Assert.Equal([200, 1], x.Shape);
        Assert.Equal([200, 1], y.Shape);
        var xs = x.ToArray<float>();
        var ys = y.ToArray<float>();
        Assert.Equal(xs.Order(), xs);
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(1 - 2 * xs[i] + 3 * xs[i] * xs[i], ys[i], 4));
        Assert.InRange(xs.Min(), -2, -1.9);

        var (sx, sy) = Synthetic.Sine(2000, noise: 0.1, generator: new Generator(5));
        var residuals = sx.ToArray<float>().Zip(sy.ToArray<float>(), (a, b) => b - Math.Sin(a)).ToArray();
        Assert.Equal(0.1, Math.Sqrt(residuals.Average(r => r * r)), 0.01);
        Assert.Equal(sy.ToArray<float>(), Synthetic.Sine(2000, noise: 0.1, generator: new Generator(5)).Y.ToArray<float>());
    }
}
