using CourseCompanion.Tensors;

namespace CourseCompanion.Plots;

/// <summary>
/// An image to show: grey [height, width] or colour [height, width, 3] (RGB) or [height, width, 4] (RGBA).
/// Values are read as [0, 1] unless some value exceeds 1, then as [0, 255] (bytes always so), clipped to that range.
/// </summary>
public readonly struct Picture
{
    private readonly byte[]? rgba;

    private Picture(int height, int width, byte[] rgba) => (Height, Width, this.rgba) = (height, width, rgba);

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Pixels as RGBA bytes, row by row.</summary>
    internal byte[] Rgba => rgba ?? [];

    /// <summary>The picture as a PNG, in the smallest colour type that holds it exactly (grey, RGB or RGBA).</summary>
    internal byte[] ToPng()
    {
        var pixels = Rgba;
        var count = Width * Height;
        var opaque = Enumerable.Range(0, count).All(p => pixels[4 * p + 3] == 255);
        var grey = opaque && Enumerable.Range(0, count).All(p => pixels[4 * p] == pixels[4 * p + 1] && pixels[4 * p] == pixels[4 * p + 2]);
        if (!opaque) return Png.Encode(pixels, Width, Height, PngColor.Rgba);
        var channels = grey ? 1 : 3;
        var packed = new byte[count * channels];
        for (var p = 0; p < count; p++)
            for (var k = 0; k < channels; k++) packed[p * channels + k] = pixels[4 * p + k];
        return Png.Encode(packed, Width, Height, grey ? PngColor.Grey : PngColor.Rgb);
    }

    /// <summary>An image from a flat array in row-major order (channels last), e.g. a 784-long Fashion-MNIST row.</summary>
    public static Picture FromFlat(IReadOnlyList<float> pixels, int height, int width, int channels = 1)
    {
        if (pixels.Count != height * width * channels)
            throw new ArgumentException($"{pixels.Count} values do not fill {height}×{width}×{channels}.", nameof(pixels));
        return Create(height, width, channels, i => pixels[i]);
    }

    private static Picture Create(int height, int width, int channels, Func<int, double> value, double? fullScale = null)
    {
        if (channels is not (1 or 3 or 4)) throw new ArgumentException($"Expected 1, 3 or 4 channels, got {channels}.");
        var count = height * width * channels;
        var top = fullScale ?? (Enumerable.Range(0, count).Any(i => value(i) > 1) ? 255 : 1);
        var rgba = new byte[height * width * 4];
        for (var p = 0; p < height * width; p++)
        {
            for (var k = 0; k < 3; k++) rgba[4 * p + k] = ToByte(value(p * channels + (channels == 1 ? 0 : k)), top);
            rgba[4 * p + 3] = channels == 4 ? ToByte(value(p * channels + 3), top) : (byte)255;
        }
        return new Picture(height, width, rgba);
    }

    private static byte ToByte(double value, double top) =>
        (byte)Math.Round(Math.Clamp(double.IsNaN(value) ? 0 : value / top, 0, 1) * 255);

    private static Picture FromGrey<T>(T[,] pixels, Func<T, double> convert, double? fullScale = null) =>
        Create(pixels.GetLength(0), pixels.GetLength(1), 1,
            i => convert(pixels[i / pixels.GetLength(1), i % pixels.GetLength(1)]), fullScale);

    private static Picture FromChannels<T>(T[,,] pixels, Func<T, double> convert)
    {
        var (w, c) = (pixels.GetLength(1), pixels.GetLength(2));
        return Create(pixels.GetLength(0), w, c, i => convert(pixels[i / (w * c), i / c % w, i % c]));
    }

    /// <summary>An image tensor in PyTorch's layout: [H, W] grey, or [C, H, W] with C = 1, 3 or 4; values in [0, 1] or [0, 255].</summary>
    public static implicit operator Picture(Tensor image)
    {
        var t = image.Dim == 2 ? image.Unsqueeze(0) : image;
        if (t.Dim != 3)
            throw new ArgumentException($"An image tensor needs shape [H, W] or [C, H, W], got [{string.Join(", ", image.Shape)}].");
        var channelsLast = t.Permute(1, 2, 0).ToArray<float>();
        return FromFlat(channelsLast, t.Size(1), t.Size(2), t.Size(0));
    }

#pragma warning disable CS1591 // the conversions explain themselves
    public static implicit operator Picture(double[,] grey) => FromGrey(grey, v => v);
    public static implicit operator Picture(float[,] grey) => FromGrey(grey, v => (double)v);
    public static implicit operator Picture(byte[,] grey) => FromGrey(grey, v => v, fullScale: 255);
    public static implicit operator Picture(double[,,] channelsLast) => FromChannels(channelsLast, v => v);
    public static implicit operator Picture(float[,,] channelsLast) => FromChannels(channelsLast, v => (double)v);
#pragma warning restore CS1591
}
