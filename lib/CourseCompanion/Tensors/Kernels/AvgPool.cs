using System.Numerics;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// 2-D average pooling over NCHW planes (pass N·C as <see cref="WindowGeometry.Channels"/>; 1-D is H = 1).
/// With <c>countIncludePad</c> (PyTorch's default) every window divides by kh·kw, padding counting as zeros;
/// without it, by the number of real pixels under the window. Planes run in parallel when there is enough work.
/// </summary>
public static class AvgPool
{
    /// <summary>output = mean over each window.</summary>
    public static void Forward<T>(WindowGeometry g, ReadOnlyMemory<T> input, Memory<T> output, bool countIncludePad = true)
        where T : unmanaged, INumber<T>
    {
        Check(g, input.Length, output.Length);
        int outH = g.OutHeight, outW = g.OutWidth, plane = g.Height * g.Width;
        ParallelItems.For(g.Channels, (long)outH * outW * g.KernelHeight * g.KernelWidth, c =>
        {
            var x = input.Span.Slice(c * plane, plane);
            var y = output.Span.Slice(c * outH * outW, outH * outW);
            for (int oh = 0; oh < outH; oh++)
            {
                var (h0, h1) = Rows(g, oh);
                for (int ow = 0; ow < outW; ow++)
                {
                    var (w0, w1) = Columns(g, ow);
                    T sum = T.Zero;
                    for (int ih = h0; ih < h1; ih++)
                        for (int iw = w0; iw < w1; iw++) sum += x[ih * g.Width + iw];
                    y[oh * outW + ow] = sum / Divisor<T>(g, h1 - h0, w1 - w0, countIncludePad);
                }
            }
        });
    }

    /// <summary>inputGradient += each output gradient spread evenly over its window.</summary>
    public static void Backward<T>(WindowGeometry g, ReadOnlyMemory<T> outputGradient, Memory<T> inputGradient, bool countIncludePad = true)
        where T : unmanaged, INumber<T>
    {
        Check(g, inputGradient.Length, outputGradient.Length);
        int outH = g.OutHeight, outW = g.OutWidth, plane = g.Height * g.Width;
        ParallelItems.For(g.Channels, (long)outH * outW * g.KernelHeight * g.KernelWidth, c =>
        {
            var dx = inputGradient.Span.Slice(c * plane, plane);
            var dy = outputGradient.Span.Slice(c * outH * outW, outH * outW);
            for (int oh = 0; oh < outH; oh++)
            {
                var (h0, h1) = Rows(g, oh);
                for (int ow = 0; ow < outW; ow++)
                {
                    var (w0, w1) = Columns(g, ow);
                    T share = dy[oh * outW + ow] / Divisor<T>(g, h1 - h0, w1 - w0, countIncludePad);
                    for (int ih = h0; ih < h1; ih++)
                        for (int iw = w0; iw < w1; iw++) dx[ih * g.Width + iw] += share;
                }
            }
        });
    }

    /// <summary>Input rows [first, last) under the window of output row <paramref name="oh"/>, clipped to the image.</summary>
    private static (int, int) Rows(WindowGeometry g, int oh)
    {
        int start = oh * g.StrideHeight - g.PadHeight;
        return (Math.Max(start, 0), Math.Min(start + g.KernelHeight, g.Height));
    }

    /// <summary>Input columns [first, last) under the window of output column <paramref name="ow"/>, clipped to the image.</summary>
    private static (int, int) Columns(WindowGeometry g, int ow)
    {
        int start = ow * g.StrideWidth - g.PadWidth;
        return (Math.Max(start, 0), Math.Min(start + g.KernelWidth, g.Width));
    }

    private static T Divisor<T>(WindowGeometry g, int rows, int columns, bool countIncludePad) where T : INumber<T> =>
        T.CreateChecked(countIncludePad ? g.KernelHeight * g.KernelWidth : rows * columns);

    private static void Check(WindowGeometry g, int inputLength, int outputLength)
    {
        g.Validate();
        if (g.DilationHeight != 1 || g.DilationWidth != 1) throw new ArgumentException($"Average pooling has no dilation: {g}.");
        if (2 * g.PadHeight > g.KernelHeight || 2 * g.PadWidth > g.KernelWidth)
            throw new ArgumentException($"Average-pool padding must be at most half the kernel: {g}.");
        if (inputLength < g.InputSize || outputLength < (long)g.Channels * g.OutHeight * g.OutWidth)
            throw new ArgumentException($"Spans too short for {g}: input {inputLength}, output {outputLength}.");
    }
}
