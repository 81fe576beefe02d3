using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// Rotates an image about its centre by an angle drawn uniformly from [−degrees, degrees], like
/// <c>transforms.RandomRotation(degrees)</c>. Each output pixel samples the input at the inversely rotated position,
/// bilinearly (or nearest neighbour); positions outside the image read 0.
/// </summary>
public sealed class RandomRotation : ITransform
{
    private readonly double _degrees;
    private readonly bool _bilinear;
    private readonly Generator _generator;

    /// <summary>Rotations of at most <paramref name="degrees"/> either way, drawn from <paramref name="generator"/> (default: the global one).</summary>
    public RandomRotation(double degrees, bool bilinear = true, Generator? generator = null)
    {
        if (degrees < 0) throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "RandomRotation: degrees must be non-negative.");
        _degrees = degrees;
        _bilinear = bilinear;
        _generator = generator ?? Generator.Default;
    }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input)
    {
        var angle = (2 * _generator.NextDouble() - 1) * _degrees * Math.PI / 180;
        return Rotate(input, angle, _bilinear);
    }

    /// <summary>The image rotated counter-clockwise (as displayed, y down) by <paramref name="radians"/>.</summary>
    internal static Tensor Rotate(Tensor input, double radians, bool bilinear)
    {
        var image = new ImagePlanes(input, "RandomRotation");
        int h = image.Height, w = image.Width;
        double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0, cos = Math.Cos(radians), sin = Math.Sin(radians);
        var output = new float[image.Pixels.Length];
        for (int p = 0; p < image.Count; p++)
        {
            var plane = image.Plane(p);
            var target = output.AsSpan(p * h * w, h * w);
            for (int i = 0; i < h; i++)
                for (int j = 0; j < w; j++)
                {
                    double dx = j - cx, dy = i - cy;
                    double x = cos * dx - sin * dy + cx, y = sin * dx + cos * dy + cy;
                    target[i * w + j] = bilinear ? Bilinear(plane, h, w, y, x) : Pixel(plane, h, w, (int)Math.Round(y), (int)Math.Round(x));
                }
        }
        return new Tensor(output, image.Shape, DType.Float32);
    }

    private static float Bilinear(ReadOnlySpan<float> plane, int h, int w, double y, double x)
    {
        int y0 = (int)Math.Floor(y), x0 = (int)Math.Floor(x);
        double fy = y - y0, fx = x - x0;
        return (float)((1 - fy) * ((1 - fx) * Pixel(plane, h, w, y0, x0) + fx * Pixel(plane, h, w, y0, x0 + 1))
                       + fy * ((1 - fx) * Pixel(plane, h, w, y0 + 1, x0) + fx * Pixel(plane, h, w, y0 + 1, x0 + 1)));
    }

    private static float Pixel(ReadOnlySpan<float> plane, int h, int w, int y, int x) =>
        y >= 0 && y < h && x >= 0 && x < w ? plane[y * w + x] : 0f;
}
