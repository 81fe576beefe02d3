namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// A kernel window sliding over C planes of H×W (NCHW without the N): the shape shared by
/// convolution and pooling. A 1-D signal of length L is the case H = 1, kernel height 1.
/// Output size per axis: ⌊(in + 2·pad − dilation·(kernel − 1) − 1) / stride⌋ + 1.
/// </summary>
public readonly record struct WindowGeometry(
    int Channels, int Height, int Width,
    int KernelHeight, int KernelWidth,
    int StrideHeight = 1, int StrideWidth = 1,
    int PadHeight = 0, int PadWidth = 0,
    int DilationHeight = 1, int DilationWidth = 1)
{
    /// <summary>A window over C channels of a 1-D signal of the given length.</summary>
    public static WindowGeometry OneDimensional(int channels, int length, int kernel, int stride = 1, int pad = 0, int dilation = 1) =>
        new(channels, 1, length, 1, kernel, 1, stride, 0, pad, 1, dilation);

    /// <summary>Output rows.</summary>
    public int OutHeight => OutSize(Height, KernelHeight, StrideHeight, PadHeight, DilationHeight);

    /// <summary>Output columns.</summary>
    public int OutWidth => OutSize(Width, KernelWidth, StrideWidth, PadWidth, DilationWidth);

    /// <summary>Elements of one input image: C·H·W.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>Rows of the im2col matrix: C·kh·kw, one per (channel, kernel offset).</summary>
    public int ColumnRows => Channels * KernelHeight * KernelWidth;

    /// <summary>Columns of the im2col matrix: outH·outW, one per output position.</summary>
    public int ColumnCount => OutHeight * OutWidth;

    /// <summary>Throws unless every size is positive, padding non-negative and the window fits.</summary>
    public void Validate()
    {
        if (Channels <= 0 || Height <= 0 || Width <= 0 || KernelHeight <= 0 || KernelWidth <= 0)
            throw new ArgumentException($"Sizes must be positive: {this}.");
        if (StrideHeight <= 0 || StrideWidth <= 0 || DilationHeight <= 0 || DilationWidth <= 0 || PadHeight < 0 || PadWidth < 0)
            throw new ArgumentException($"Strides and dilations must be positive, padding non-negative: {this}.");
        if (OutHeight <= 0 || OutWidth <= 0)
            throw new ArgumentException($"The dilated kernel is larger than the padded input: {this}.");
    }

    private static int OutSize(int size, int kernel, int stride, int pad, int dilation) =>
        (size + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;

    /// <summary>
    /// Output positions o in [first, last) along one axis whose input index o·stride + offset lies in [0, size),
    /// where offset = k·dilation − pad for kernel tap k.
    /// </summary>
    internal static (int First, int Last) ValidRange(int offset, int stride, int size, int outSize)
    {
        int first = offset >= 0 ? 0 : (-offset + stride - 1) / stride;
        int last = size - offset <= 0 ? 0 : (size - offset + stride - 1) / stride;
        return (Math.Min(first, outSize), Math.Clamp(last, Math.Min(first, outSize), outSize));
    }

    /// <summary>
    /// Kernel taps k in [first, last) along one axis whose input index start + k·dilation lies in [0, size), where start is
    /// the window's first input index (o·stride − pad): the taps a window has inside the image, so loops need no bounds tests.
    /// </summary>
    internal static (int First, int Last) Taps(int start, int dilation, int kernel, int size)
    {
        int first = start >= 0 ? 0 : Math.Min((-start + dilation - 1) / dilation, kernel);
        int last = size - start <= 0 ? 0 : Math.Min((size - start + dilation - 1) / dilation, kernel);
        return (first, Math.Max(first, last));
    }
}
