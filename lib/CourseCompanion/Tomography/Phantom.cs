using CourseCompanion.Tensors;

namespace CourseCompanion.Tomography;

/// <summary>An ellipse of a phantom: intensity added inside, centre and half-axes in [−1, 1]² coordinates (y up), rotation in degrees.</summary>
public readonly record struct Ellipse(double Intensity, double A, double B, double X0, double Y0, double PhiDegrees);

/// <summary>Test images for tomography made of ellipses: the (modified) Shepp–Logan head phantom and random ellipse sets.</summary>
public static class Phantom
{
    /// <summary>The modified Shepp–Logan phantom (Toft's contrast-enhanced intensities), ten ellipses.</summary>
    public static IReadOnlyList<Ellipse> SheppLoganEllipses { get; } =
    [
        new(1.0, 0.69, 0.92, 0, 0, 0),
        new(-0.8, 0.6624, 0.874, 0, -0.0184, 0),
        new(-0.2, 0.11, 0.31, 0.22, 0, -18),
        new(-0.2, 0.16, 0.41, -0.22, 0, 18),
        new(0.1, 0.21, 0.25, 0, 0.35, 0),
        new(0.1, 0.046, 0.046, 0, 0.1, 0),
        new(0.1, 0.046, 0.046, 0, -0.1, 0),
        new(0.1, 0.046, 0.023, -0.08, -0.605, 0),
        new(0.1, 0.023, 0.023, 0, -0.606, 0),
        new(0.1, 0.023, 0.046, 0.06, -0.605, 0),
    ];

    /// <summary>The modified Shepp–Logan phantom as a float32 image [size, size].</summary>
    public static Tensor SheppLogan(int size) => Ellipses(size, SheppLoganEllipses);

    /// <summary>Rasterises <paramref name="ellipses"/> (pixel centres tested, inside the inscribed unit disk's square) into [size, size].</summary>
    public static Tensor Ellipses(int size, IEnumerable<Ellipse> ellipses)
    {
        var image = new float[size * size];
        foreach (var e in ellipses)
        {
            double phi = e.PhiDegrees * Math.PI / 180, cos = Math.Cos(phi), sin = Math.Sin(phi);
            for (int r = 0; r < size; r++)
                for (int c = 0; c < size; c++)
                {
                    double x = (2.0 * c + 1) / size - 1 - e.X0, y = 1 - (2.0 * r + 1) / size - e.Y0;
                    double u = x * cos + y * sin, v = -x * sin + y * cos;
                    if (u * u / (e.A * e.A) + v * v / (e.B * e.B) <= 1) image[r * size + c] += (float)e.Intensity;
                }
        }
        return Tensor.FromArray(image, size, size);
    }

    /// <summary>
    /// A random head-like phantom in the style of Shepp–Logan: a skull (an ellipse of intensity 1 with an inner ellipse of
    /// −0.8, leaving a bright rim of tissue 0.2) and <paramref name="count"/> small ellipses of intensity ±(0.05 … 0.3) inside,
    /// drawn from <paramref name="generator"/>; values clamped to [0, 1.5]. Training data for learned reconstruction.
    /// </summary>
    public static Tensor Random(int size, int count = 5, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        double U(double lo, double hi) => lo + (hi - lo) * g.NextDouble();
        double a = U(0.6, 0.75), b = U(0.8, 0.95), phi = U(-15, 15), rim = U(0.03, 0.06);
        var list = new List<Ellipse> { new(1.0, a, b, 0, 0, phi), new(-0.8, a - rim, b - rim, 0, 0, phi) };
        for (int i = 0; i < count; i++)
            list.Add(new((g.NextDouble() < 0.3 ? -1 : 1) * U(0.05, 0.3), U(0.03, 0.25), U(0.03, 0.3), U(-0.35, 0.35), U(-0.5, 0.5), U(0, 180)));
        return Ellipses(size, list).Clamp(0.0, 1.5);
    }
}
