using System.Numerics;
using System.Numerics.Tensors;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Lowers convolution to GEMM. <see cref="Im2Col{T}"/> copies every receptive field of one C×H×W image
/// into a (C·kh·kw) × (outH·outW) matrix, so with weights W of shape Cout × (C·kh·kw):
/// forward Y = W·cols, weight gradient dW = dY·colsᵀ, input gradient dX = col2im(Wᵀ·dY).
/// <see cref="Col2Im{T}"/> is the exact adjoint of <see cref="Im2Col{T}"/>: it adds every column entry back onto its pixel.
/// </summary>
public static class ConvolutionColumns
{
    /// <summary>Writes the im2col matrix of <paramref name="image"/> (C·H·W) into <paramref name="columns"/>; padding reads as 0.</summary>
    public static void Im2Col<T>(WindowGeometry g, ReadOnlySpan<T> image, Span<T> columns) where T : unmanaged, INumber<T>
    {
        Check(g, image.Length, columns.Length);
        int outH = g.OutHeight, outW = g.OutWidth, row = 0;
        for (int c = 0; c < g.Channels; c++)
            for (int ki = 0; ki < g.KernelHeight; ki++)
                for (int kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    var dst = columns.Slice(row * outH * outW, outH * outW);
                    int offH = ki * g.DilationHeight - g.PadHeight, offW = kj * g.DilationWidth - g.PadWidth;
                    var (h0, h1) = WindowGeometry.ValidRange(offH, g.StrideHeight, g.Height, outH);
                    var (w0, w1) = WindowGeometry.ValidRange(offW, g.StrideWidth, g.Width, outW);
                    dst[..(h0 * outW)].Clear();
                    dst[(h1 * outW)..].Clear();
                    for (int oh = h0; oh < h1; oh++)
                    {
                        var outRow = dst.Slice(oh * outW, outW);
                        var inRow = image.Slice((c * g.Height + oh * g.StrideHeight + offH) * g.Width, g.Width);
                        outRow[..w0].Clear();
                        outRow[w1..].Clear();
                        if (g.StrideWidth == 1)
                            inRow.Slice(w0 + offW, w1 - w0).CopyTo(outRow[w0..w1]);
                        else
                            for (int ow = w0; ow < w1; ow++) outRow[ow] = inRow[ow * g.StrideWidth + offW];
                    }
                }
    }

    /// <summary>Adds every entry of <paramref name="columns"/> onto the pixel it was copied from: image += col2im(columns).</summary>
    public static void Col2Im<T>(WindowGeometry g, ReadOnlySpan<T> columns, Span<T> image) where T : unmanaged, INumber<T>
    {
        Check(g, image.Length, columns.Length);
        int outH = g.OutHeight, outW = g.OutWidth, row = 0;
        for (int c = 0; c < g.Channels; c++)
            for (int ki = 0; ki < g.KernelHeight; ki++)
                for (int kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    var src = columns.Slice(row * outH * outW, outH * outW);
                    int offH = ki * g.DilationHeight - g.PadHeight, offW = kj * g.DilationWidth - g.PadWidth;
                    var (h0, h1) = WindowGeometry.ValidRange(offH, g.StrideHeight, g.Height, outH);
                    var (w0, w1) = WindowGeometry.ValidRange(offW, g.StrideWidth, g.Width, outW);
                    for (int oh = h0; oh < h1; oh++)
                    {
                        var colRow = src.Slice(oh * outW, outW);
                        var inRow = image.Slice((c * g.Height + oh * g.StrideHeight + offH) * g.Width, g.Width);
                        if (g.StrideWidth == 1)
                            {
                            var pixels = inRow.Slice(w0 + offW, w1 - w0);
                            TensorPrimitives.Add(pixels, colRow[w0..w1], pixels);
                        }
                        else
                            for (int ow = w0; ow < w1; ow++) inRow[ow * g.StrideWidth + offW] += colRow[ow];
                    }
                }
    }

    private static void Check(WindowGeometry g, int imageLength, int columnsLength)
    {
        g.Validate();
        if (imageLength < g.InputSize) throw new ArgumentException($"The image holds {imageLength} elements, the geometry needs {g.InputSize}.");
        if (columnsLength < (long)g.ColumnRows * g.ColumnCount)
            throw new ArgumentException($"The column matrix holds {columnsLength} elements, the geometry needs {(long)g.ColumnRows * g.ColumnCount}.");
    }
}
