using System.Numerics;
using System.Runtime.InteropServices;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// 2-D max pooling over NCHW planes (pass N·C as <see cref="WindowGeometry.Channels"/>; 1-D is H = 1).
/// Padding never wins; ties keep the first maximum and NaN propagates (see <see cref="Beats"/>), as in PyTorch.
/// The argmax of each output is its input's index within the plane (h·W + w), as PyTorch's return_indices.
/// Planes run in parallel when there is enough work, each whole on one thread; float32 2×2 windows with stride 2
/// (the common case) take <see cref="MaxPool2x2"/>.
/// </summary>
public static class MaxPool
{
    /// <summary>output = max over each window; <paramref name="argmax"/> records where each maximum came from.</summary>
    public static void Forward<T>(WindowGeometry g, ReadOnlyMemory<T> input, Memory<T> output, Memory<int> argmax)
        where T : unmanaged, INumber<T>
    {
        Check(g, input.Length, output.Length, argmax.Length);
        int plane = g.Height * g.Width, outPlane = g.OutHeight * g.OutWidth;
        bool pairs = typeof(T) == typeof(float) && MaxPool2x2.Fits(g);
        var columnTaps = new (int First, int Last)[g.OutWidth];
        for (int ow = 0; ow < g.OutWidth; ow++)
            columnTaps[ow] = WindowGeometry.Taps(ow * g.StrideWidth - g.PadWidth, g.DilationWidth, g.KernelWidth, g.Width);
        ParallelItems.For(g.Channels, (long)outPlane * g.KernelHeight * g.KernelWidth, c =>
        {
            var x = input.Span.Slice(c * plane, plane);
            var y = output.Span.Slice(c * outPlane, outPlane);
            var at = argmax.Span.Slice(c * outPlane, outPlane);
            if (pairs) MaxPool2x2.Plane(g.Width, g.OutHeight, g.OutWidth, MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), at);
            else Plane(g, columnTaps, x, y, at);
        });
    }

    /// <summary>inputGradient += each output gradient routed to the input that was the maximum.</summary>
    public static void Backward<T>(WindowGeometry g, ReadOnlyMemory<T> outputGradient, ReadOnlyMemory<int> argmax, Memory<T> inputGradient)
        where T : unmanaged, INumber<T>
    {
        Check(g, inputGradient.Length, outputGradient.Length, argmax.Length);
        int outPlane = g.OutHeight * g.OutWidth, plane = g.Height * g.Width;
        ParallelItems.For(g.Channels, outPlane, c =>
        {
            var dx = inputGradient.Span.Slice(c * plane, plane);
            var dy = outputGradient.Span.Slice(c * outPlane, outPlane);
            var at = argmax.Span.Slice(c * outPlane, outPlane);
            for (int o = 0; o < outPlane; o++) dx[at[o]] += dy[o];
        });
    }

    /// <summary>
    /// Whether a tap replaces the maximum so far, scanning the window row by row: it is larger (so ties keep the first),
    /// or NaN (so NaN propagates and the last NaN is the argmax), the rule of PyTorch's CPU kernel.
    /// </summary>
    internal static bool Beats<T>(T value, T best) where T : INumber<T> => value > best || T.IsNaN(value);

    /// <summary>One plane, any window: each window scans only its taps inside the image (rows per output row, columns precomputed).</summary>
    private static void Plane<T>(WindowGeometry g, (int First, int Last)[] columnTaps, ReadOnlySpan<T> x, Span<T> y, Span<int> argmax)
        where T : INumber<T>
    {
        for (int oh = 0, o = 0; oh < g.OutHeight; oh++)
        {
            int top = oh * g.StrideHeight - g.PadHeight;
            var (firstRow, lastRow) = WindowGeometry.Taps(top, g.DilationHeight, g.KernelHeight, g.Height);
            for (int ow = 0; ow < g.OutWidth; ow++, o++)
            {
                int left = ow * g.StrideWidth - g.PadWidth;
                var (firstColumn, lastColumn) = columnTaps[ow];
                int at = -1;
                T best = T.Zero;
                if (firstRow < lastRow && firstColumn < lastColumn)
                {
                    at = (top + firstRow * g.DilationHeight) * g.Width + left + firstColumn * g.DilationWidth;
                    best = x[at];
                    for (int ki = firstRow; ki < lastRow; ki++)
                    {
                        int row = (top + ki * g.DilationHeight) * g.Width + left;
                        for (int kj = firstColumn; kj < lastColumn; kj++)
                        {
                            int i = row + kj * g.DilationWidth;
                            if (Beats(x[i], best)) (best, at) = (x[i], i);
                        }
                    }
                }
                y[o] = best;
                argmax[o] = at;
            }
        }
    }

    private static void Check(WindowGeometry g, int inputLength, int outputLength, int argmaxLength)
    {
        g.Validate();
        if (2 * g.PadHeight > g.KernelHeight || 2 * g.PadWidth > g.KernelWidth)
            throw new ArgumentException($"Max-pool padding must be at most half the kernel: {g}.");
        long outputs = (long)g.Channels * g.OutHeight * g.OutWidth;
        if (inputLength < g.InputSize || outputLength < outputs || argmaxLength < outputs)
            throw new ArgumentException($"Spans too short for {g}: input {inputLength}, output {outputLength}, argmax {argmaxLength}.");
    }
}
