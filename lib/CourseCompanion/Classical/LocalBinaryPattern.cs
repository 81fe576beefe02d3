using CourseCompanion.Tensors;

namespace CourseCompanion.Classical;

/// <summary>
/// Local binary patterns (Ojala et al.): each interior pixel gets an 8-bit code whose bit p is 1 when neighbour p
/// (radius 1, clockwise from the top-left) is at least as bright as the centre. A histogram of the codes over a cell
/// describes its texture and is invariant to monotonic changes of brightness. The "uniform" variant keeps the 58 codes
/// with at most two 0/1 transitions around the circle as their own bins and pools all others into bin 58 (59 bins).
/// </summary>
public static class LocalBinaryPattern
{
    private static readonly (int Dr, int Dc)[] Neighbours = [(-1, -1), (-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1)];
    private static readonly int[] UniformBin = BuildUniformBins();

    /// <summary>Number of histogram bins: 59 for uniform patterns, 256 otherwise.</summary>
    public static int Bins(bool uniform = true) => uniform ? 59 : 256;

    /// <summary>The LBP code of every interior pixel of a greyscale <paramref name="image"/> [H, W]: int64 [H − 2, W − 2].</summary>
    public static Tensor Codes(Tensor image)
    {
        var (pixels, h, w) = Grey(image);
        var codes = new long[(h - 2) * (w - 2)];
        for (int r = 1; r < h - 1; r++)
            for (int c = 1; c < w - 1; c++)
                codes[(r - 1) * (w - 2) + c - 1] = Code(pixels, w, r, c);
        return Tensor.FromArray(codes, h - 2, w - 2);
    }

    /// <summary>The bin of a code in the uniform histogram (0 … 57 for uniform codes, 58 for all others).</summary>
    public static int Uniform(int code) => UniformBin[code];

    /// <summary>
    /// The LBP feature vector of <paramref name="image"/> [H, W]: the image is cut into <paramref name="cells"/> × <paramref name="cells"/>
    /// cells and the normalised code histograms of the cells are concatenated, float32 [cells² · bins].
    /// </summary>
    public static Tensor Histogram(Tensor image, int cells = 1, bool uniform = true)
    {
        var (pixels, h, w) = Grey(image);
        return Tensor.FromArray(Histogram(pixels, h, w, cells, uniform));
    }

    /// <summary>LBP feature vectors of a batch of greyscale images [N, H, W] or [N, 1, H, W]: float32 [N, cells² · bins].</summary>
    public static Tensor Features(Tensor images, int cells = 1, bool uniform = true)
    {
        if (images.Dim == 4 && images.Size(1) == 1) images = images.Squeeze(1);
        if (images.Dim != 3) throw new ArgumentException($"LocalBinaryPattern: images must be [N, H, W] or [N, 1, H, W], got [{string.Join(", ", images.Shape)}].");
        int n = images.Size(0), h = images.Size(1), w = images.Size(2), length = cells * cells * Bins(uniform);
        var all = images.Double().Contiguous().ToArray<double>();
        var features = new float[n * length];
        for (int i = 0; i < n; i++)
            Histogram(all.AsSpan(i * h * w, h * w).ToArray(), h, w, cells, uniform).CopyTo(features, i * length);
        return Tensor.FromArray(features, n, length);
    }

    private static float[] Histogram(double[] pixels, int h, int w, int cells, bool uniform)
    {
        if (cells < 1 || cells > Math.Min(h, w) - 2) throw new ArgumentOutOfRangeException(nameof(cells), cells, "LocalBinaryPattern: cells must be between 1 and the interior size.");
        int bins = Bins(uniform);
        var histogram = new float[cells * cells * bins];
        var totals = new int[cells * cells];
        for (int r = 1; r < h - 1; r++)
            for (int c = 1; c < w - 1; c++)
            {
                int cell = (r - 1) * cells / (h - 2) * cells + (c - 1) * cells / (w - 2);
                int code = Code(pixels, w, r, c);
                histogram[cell * bins + (uniform ? UniformBin[code] : code)]++;
                totals[cell]++;
            }
        for (int k = 0; k < histogram.Length; k++) histogram[k] /= Math.Max(1, totals[k / bins]);
        return histogram;
    }

    private static int Code(double[] pixels, int w, int r, int c)
    {
        double centre = pixels[r * w + c];
        int code = 0;
        for (int p = 0; p < 8; p++)
            if (pixels[(r + Neighbours[p].Dr) * w + c + Neighbours[p].Dc] >= centre) code |= 1 << p;
        return code;
    }

    private static (double[] Pixels, int H, int W) Grey(Tensor image)
    {
        if (image.Dim == 3 && image.Size(0) == 1) image = image.Squeeze(0);
        if (image.Dim != 2 || image.Size(0) < 3 || image.Size(1) < 3)
            throw new ArgumentException($"LocalBinaryPattern: need a greyscale image [H, W] of at least 3 × 3, got [{string.Join(", ", image.Shape)}].");
        return (image.Double().Contiguous().ToArray<double>(), image.Size(0), image.Size(1));
    }

    private static int[] BuildUniformBins()
    {
        var bins = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++)
        {
            int transitions = 0;
            for (int p = 0; p < 8; p++) transitions += ((code >> p) & 1) != ((code >> ((p + 1) % 8)) & 1) ? 1 : 0;
            bins[code] = transitions <= 2 ? next++ : -1;
        }
        for (int code = 0; code < 256; code++) if (bins[code] < 0) bins[code] = next; // next == 58
        return bins;
    }
}
