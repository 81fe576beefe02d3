using System.Numerics;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// 2-D max pooling over NCHW planes (pass N·C as <see cref="WindowGeometry.Channels"/>; 1-D is H = 1).
/// Padding never wins; ties keep the first maximum and NaN propagates, as in PyTorch.
/// The argmax of each output is its input's index within the plane (h·W + w), as PyTorch's return_indices.
/// </summary>
public static class MaxPool
{
    /// <summary>output = max over each window; <paramref name="argmax"/> records where each maximum came from.</summary>
    public static void Forward<T>(WindowGeometry g, ReadOnlySpan<T> input, Span<T> output, Span<int> argmax)
        where T : unmanaged, INumber<T>
    {
        Check(g, input.Length, output.Length, argmax.Length);
        int outH = g.OutHeight, outW = g.OutWidth, plane = g.Height * g.Width;
        for (int c = 0; c < g.Channels; c++)
        {
            var x = input.Slice(c * plane, plane);
            for (int oh = 0; oh < outH; oh++)
                for (int ow = 0; ow < outW; ow++)
                {
                    int at = -1;
                    T best = T.Zero;
                    for (int ki = 0; ki < g.KernelHeight; ki++)
                    {
                        int ih = oh * g.StrideHeight - g.PadHeight + ki * g.DilationHeight;
                        if ((uint)ih >= (uint)g.Height) continue;
                        for (int kj = 0; kj < g.KernelWidth; kj++)
                        {
                            int iw = ow * g.StrideWidth - g.PadWidth + kj * g.DilationWidth;
                            if ((uint)iw >= (uint)g.Width) continue;
                            T v = x[ih * g.Width + iw];
                            if (at < 0 || v > best || T.IsNaN(v) && !T.IsNaN(best)) (best, at) = (v, ih * g.Width + iw);
                        }
                    }
                    int o = (c * outH + oh) * outW + ow;
                    output[o] = best;
                    argmax[o] = at;
                }
        }
    }

    /// <summary>inputGradient += each output gradient routed to the input that was the maximum.</summary>
    public static void Backward<T>(WindowGeometry g, ReadOnlySpan<T> outputGradient, ReadOnlySpan<int> argmax, Span<T> inputGradient)
        where T : unmanaged, INumber<T>
    {
        Check(g, inputGradient.Length, outputGradient.Length, argmax.Length);
        int outPlane = g.OutHeight * g.OutWidth, plane = g.Height * g.Width;
        for (int c = 0; c < g.Channels; c++)
        {
            var dx = inputGradient.Slice(c * plane, plane);
            for (int o = c * outPlane; o < (c + 1) * outPlane; o++) dx[argmax[o]] += outputGradient[o];
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
