using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// Seeded toy datasets for the first chapters (shapes after scikit-learn's <c>make_moons</c>, <c>make_circles</c>, <c>make_blobs</c>
/// and CS231n's spirals). Classification sets return X float32 [n, 2] and y int64 [n], classes as equal in size as n allows,
/// examples in random order; regression sets return x float32 [n, 1] in ascending order and y float32 [n, 1].
/// Every random number comes from the given <see cref="Generator"/> (default: the global one).
/// </summary>
public static class Synthetic
{
    /// <summary>XOR: Gaussian clusters (std <paramref name="noise"/>) around (±1, ±1); label 1 where the signs differ. With n = 4 and no noise, the four XOR points.</summary>
    public static (Tensor X, Tensor Y) Xor(int n, double noise = 0.2, Generator? generator = null) =>
        Classes(n, 2, generator, (label, i, count, g) =>
        {
            double sx = i % 2 == 0 ? 1 : -1, sy = label == 0 ? sx : -sx; // label 0: (1, 1), (−1, −1); label 1: (1, −1), (−1, 1)
            return (sx + noise * g.NextNormal(), sy + noise * g.NextNormal());
        });

    /// <summary>Two interleaving half circles: label 0 on (cos t, sin t), label 1 on (1 − cos t, 0.5 − sin t), t evenly in [0, π]; normal noise of std <paramref name="noise"/>.</summary>
    public static (Tensor X, Tensor Y) Moons(int n, double noise = 0.1, Generator? generator = null) =>
        Classes(n, 2, generator, (label, i, count, g) =>
        {
            double t = count == 1 ? 0 : Math.PI * i / (count - 1);
            double x = label == 0 ? Math.Cos(t) : 1 - Math.Cos(t), y = label == 0 ? Math.Sin(t) : 0.5 - Math.Sin(t);
            return (x + noise * g.NextNormal(), y + noise * g.NextNormal());
        });

    /// <summary>Two concentric circles: label 0 of radius 1, label 1 of radius <paramref name="factor"/>; normal noise of std <paramref name="noise"/>.</summary>
    public static (Tensor X, Tensor Y) Circles(int n, double noise = 0.05, double factor = 0.5, Generator? generator = null)
    {
        if (factor is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(factor), factor, "Circles: the inner radius factor must lie in (0, 1).");
        return Classes(n, 2, generator, (label, i, count, g) =>
        {
            double t = 2 * Math.PI * i / count, r = label == 0 ? 1 : factor;
            return (r * Math.Cos(t) + noise * g.NextNormal(), r * Math.Sin(t) + noise * g.NextNormal());
        });
    }

    /// <summary>
    /// <paramref name="arms"/> interleaved spiral arms, one class each: radius r evenly in [0, 1], angle 2πk/arms + 2π·turns·r
    /// plus normal noise of std <paramref name="noise"/> radians (CS231n's spiral data for k arms).
    /// </summary>
    public static (Tensor X, Tensor Y) Spirals(int n, int arms = 3, double noise = 0.2, double turns = 0.75, Generator? generator = null) =>
        Classes(n, arms, generator, (label, i, count, g) =>
        {
            double r = count == 1 ? 0 : (double)i / (count - 1);
            double angle = 2 * Math.PI * label / arms + 2 * Math.PI * turns * r + noise * g.NextNormal();
            return (r * Math.Cos(angle), r * Math.Sin(angle));
        });

    /// <summary>Isotropic Gaussian blobs (std <paramref name="std"/>) around <paramref name="classes"/> centres drawn uniformly from [−box, box]².</summary>
    public static (Tensor X, Tensor Y) Blobs(int n, int classes = 3, double std = 1, double box = 10, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        var centers = new double[classes, 2];
        for (int k = 0; k < classes; k++)
            for (int d = 0; d < 2; d++) centers[k, d] = box * (2 * g.NextDouble() - 1);
        return Blobs(n, centers, std, g);
    }

    /// <summary>Isotropic Gaussian blobs (std <paramref name="std"/>) around given centres [classes, 2]; label k belongs to centre k.</summary>
    public static (Tensor X, Tensor Y) Blobs(int n, double[,] centers, double std = 1, Generator? generator = null)
    {
        if (centers.GetLength(1) != 2) throw new ArgumentException($"Blobs: centres must be [classes, 2], got [{centers.GetLength(0)}, {centers.GetLength(1)}].");
        return Classes(n, centers.GetLength(0), generator, (label, i, count, g) =>
            (centers[label, 0] + std * g.NextNormal(), centers[label, 1] + std * g.NextNormal()));
    }

    /// <summary>y = sin(x) + noise, x uniform in [<paramref name="xMin"/>, <paramref name="xMax"/>] (default [−π, π]).</summary>
    public static (Tensor X, Tensor Y) Sine(int n, double noise = 0.1, double xMin = -Math.PI, double xMax = Math.PI, Generator? generator = null) =>
        Curve(n, Math.Sin, noise, xMin, xMax, generator);

    /// <summary>y = c₀ + c₁x + c₂x² + … + noise, x uniform in [<paramref name="xMin"/>, <paramref name="xMax"/>].</summary>
    public static (Tensor X, Tensor Y) Polynomial(int n, double[] coefficients, double noise = 0.1, double xMin = -1, double xMax = 1, Generator? generator = null) =>
        Curve(n, x => Horner(coefficients, x), noise, xMin, xMax, generator);

    private static double Horner(double[] coefficients, double x)
    {
        double y = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--) y = y * x + coefficients[i];
        return y;
    }

    /// <summary>A 1-D regression set: sorted uniform x, y = f(x) + N(0, noise²).</summary>
    public static (Tensor X, Tensor Y) Curve(int n, Func<double, double> f, double noise = 0.1, double xMin = -1, double xMax = 1, Generator? generator = null)
    {
        if (n <= 0 || !(xMax > xMin)) throw new ArgumentException($"Curve: need n > 0 and xMax > xMin (got n = {n}, [{xMin}, {xMax}]).");
        var g = generator ?? Generator.Default;
        var xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = xMin + (xMax - xMin) * g.NextDouble();
        Array.Sort(xs);
        var ys = xs.Select(x => (float)(f(x) + noise * g.NextNormal())).ToArray();
        return (Tensor.FromArray(xs.Select(x => (float)x).ToArray(), n, 1), Tensor.FromArray(ys, n, 1));
    }

    /// <summary>Point i of <c>count</c> in class <c>label</c>.</summary>
    private delegate (double X, double Y) PointOf(int label, int i, int count, Generator g);

    /// <summary>n points split as evenly as possible over the classes (earlier classes get the remainder), then shuffled.</summary>
    private static (Tensor X, Tensor Y) Classes(int n, int classes, Generator? generator, PointOf point)
    {
        if (n <= 0 || classes <= 0) throw new ArgumentException($"Synthetic: need n > 0 points and at least one class (got n = {n}, classes = {classes}).");
        var g = generator ?? Generator.Default;
        var xy = new float[2 * n];
        var labels = new long[n];
        int row = 0;
        for (int k = 0; k < classes; k++)
        {
            int count = n / classes + (k < n % classes ? 1 : 0);
            for (int i = 0; i < count; i++, row++)
            {
                var (x, y) = point(k, i, count, g);
                xy[2 * row] = (float)x;
                xy[2 * row + 1] = (float)y;
                labels[row] = k;
            }
        }
        var order = Tensor.Randperm(n, g).ToArray<long>();
        var shuffledXy = new float[2 * n];
        var shuffledLabels = new long[n];
        for (int i = 0; i < n; i++)
        {
            int j = (int)order[i];
            shuffledXy[2 * i] = xy[2 * j];
            shuffledXy[2 * i + 1] = xy[2 * j + 1];
            shuffledLabels[i] = labels[j];
        }
        return (Tensor.FromArray(shuffledXy, n, 2), Tensor.FromArray(shuffledLabels, n));
    }
}
