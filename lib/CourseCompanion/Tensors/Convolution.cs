using System.Numerics;
using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tensors;

/// <summary>Stride, padding, dilation and groups of a convolution (PyTorch's argument names and defaults).</summary>
internal readonly record struct ConvSpec(Pair Stride, Pair Padding, Pair Dilation, int Groups);

/// <summary>
/// Everything the convolution loops need: N images of C×H×W, Cout filters of C/groups × Kh × Kw, and the spec.
/// The "input" side is always the larger image (for a transposed convolution that is its output).
/// </summary>
internal readonly record struct ConvShape(int N, int C, int H, int W, int Cout, int Kh, int Kw, ConvSpec Spec)
{
    public WindowGeometry Geometry => new(C, H, W, Kh, Kw, Spec.Stride.Height, Spec.Stride.Width,
        Spec.Padding.Height, Spec.Padding.Width, Spec.Dilation.Height, Spec.Dilation.Width);
    public int OutH => (H + 2 * Spec.Padding.Height - Spec.Dilation.Height * (Kh - 1) - 1) / Spec.Stride.Height + 1;
    public int OutW => (W + 2 * Spec.Padding.Width - Spec.Dilation.Width * (Kw - 1) - 1) / Spec.Stride.Width + 1;
    public int L => OutH * OutW;
    public int Image => C * H * W;
    public int Ckk => C * Kh * Kw;
    public int Groups => Spec.Groups;
    public int Cg => C / Spec.Groups;
    public int CoutG => Cout / Spec.Groups;
    public int[] InputShape => [N, C, H, W];
    public int[] OutputShape => [N, Cout, OutH, OutW];
    public int[] WeightShape => [Cout, Cg, Kh, Kw];

    /// <summary>A 1×1 kernel with stride 1 and no padding: the im2col matrix is the image itself, so no copy is needed.</summary>
    public bool IsPointwise => Kh == 1 && Kw == 1 && Spec.Stride == new Pair(1, 1) && Spec.Padding == new Pair(0, 0);
}

/// <summary>
/// Convolution as matrix products (the lecture's im2col view): with cols = im2col(x) of shape (C·kh·kw) × L per image,
/// forward Y_g = W_g·cols_g per group; the input gradient is col2im(W_gᵀ·G_g) (a transposed convolution);
/// the weight gradient is Σ_n G_g·cols_gᵀ. Each is one batched GEMM per group (or a few, for the weight sum).
/// Arrays are contiguous; offsets say where a tensor's elements start.
/// </summary>
internal static class Convolution
{
    /// <summary>The im2col matrices of all N images, [N, C·kh·kw, L]; for pointwise kernels the input itself.</summary>
    public static (T[] Array, int Offset) Columns<T>(ConvShape s, T[] x, int xOffset, T[]? destination = null) where T : unmanaged, INumber<T>
    {
        if (s.IsPointwise && destination is null) return (x, xOffset);
        var cols = destination ?? GC.AllocateUninitializedArray<T>(checked(s.N * s.Ckk * s.L));
        var g = s.Geometry;
        ParallelItems.For(s.N, (long)s.Ckk * s.L, n =>
            ConvolutionColumns.Im2Col(g, x.AsSpan(xOffset + n * s.Image, s.Image), cols.AsSpan(n * s.Ckk * s.L, s.Ckk * s.L)));
        return (cols, 0);
    }

    /// <summary>Adds col2im of each image's column matrix onto <paramref name="image"/> ([N, C, H, W], contiguous from 0).</summary>
    public static void AddColumns<T>(ConvShape s, T[] cols, int colsOffset, T[] image) where T : unmanaged, INumber<T>
    {
        var g = s.Geometry;
        ParallelItems.For(s.N, (long)s.Ckk * s.L, n =>
            ConvolutionColumns.Col2Im(g, cols.AsSpan(colsOffset + n * s.Ckk * s.L, s.Ckk * s.L), image.AsSpan(n * s.Image, s.Image)));
    }

    /// <summary>y [N, Cout, L] = W·cols (+ bias), one batched GEMM per group.</summary>
    public static void Forward<T>(ConvShape s, T[] cols, int colsOffset, T[] w, int wOffset, T[]? bias, int biasOffset, T[] y)
        where T : unmanaged, INumber<T>
    {
        int L = s.L, ckkG = s.Cg * s.Kh * s.Kw;
        if (bias is not null) FillChannels(y, s.N, s.Cout, L, bias, biasOffset);
        for (int g = 0; g < s.Groups; g++)
            BatchedGemm.Run<T>(false, false, s.CoutG, L, ckkG,
                w.AsSpan(wOffset + g * s.CoutG * ckkG), ckkG, 0,
                cols.AsSpan(colsOffset + g * ckkG * L), L, (long)s.Ckk * L,
                bias is not null, y.AsSpan(g * s.CoutG * L), L, (long)s.Cout * L, s.N);
    }

    /// <summary>image [N, C, H, W] = col2im(Wᵀ·y) (+ bias per channel): the transposed convolution.</summary>
    public static void Transposed<T>(ConvShape s, T[] y, int yOffset, T[] w, int wOffset, T[]? bias, int biasOffset, T[] image)
        where T : unmanaged, INumber<T>
    {
        int L = s.L, ckkG = s.Cg * s.Kh * s.Kw;
        if (bias is not null) FillChannels(image, s.N, s.C, s.H * s.W, bias, biasOffset);
        // The column matrices live only for this call: a pooled buffer, not megabytes of garbage per backward pass.
        var cols = s.IsPointwise ? image : System.Buffers.ArrayPool<T>.Shared.Rent(checked(s.N * s.Ckk * L));
        try
        {
            for (int g = 0; g < s.Groups; g++)
                BatchedGemm.Run<T>(true, false, ckkG, L, s.CoutG,
                    w.AsSpan(wOffset + g * s.CoutG * ckkG), ckkG, 0,
                    y.AsSpan(yOffset + g * s.CoutG * L), L, (long)s.Cout * L,
                    s.IsPointwise && bias is not null, cols.AsSpan(g * ckkG * L), L, (long)s.Ckk * L, s.N);
            if (!s.IsPointwise) AddColumns(s, cols, 0, image);
        }
        finally
        {
            if (!s.IsPointwise) System.Buffers.ArrayPool<T>.Shared.Return(cols);
        }
    }

    /// <summary>Partial sums of a weight gradient: a fixed number, so the order of additions does not depend on the core count.</summary>
    private const int WeightGradientChunks = 4;

    /// <summary>dW [Cout, C/groups, kh, kw] = Σ_n gy_n·cols_nᵀ per group; images are split into chunks summed in parallel.</summary>
    public static void WeightGradient<T>(ConvShape s, T[] cols, int colsOffset, T[] gy, int gyOffset, T[] dw)
        where T : unmanaged, INumber<T>
    {
        int L = s.L, ckkG = s.Cg * s.Kh * s.Kw, wSize = s.Cout * ckkG;
        long flops = 2L * s.N * s.Cout * ckkG * L;
        int chunks = flops < 4_000_000 ? 1 : Math.Min(s.N, WeightGradientChunks);
        var partial = new T[chunks][];
        partial[0] = dw;
        for (int c = 1; c < chunks; c++) partial[c] = new T[wSize];
        Team.For(chunks, c =>
        {
            for (int n = c * s.N / chunks, first = n; n < (c + 1) * s.N / chunks; n++)
                for (int g = 0; g < s.Groups; g++)
                    BatchedGemm.Run<T>(false, true, s.CoutG, ckkG, L,
                        gy.AsSpan(gyOffset + (n * s.Cout + g * s.CoutG) * L), L, 0,
                        cols.AsSpan(colsOffset + n * s.Ckk * L + g * ckkG * L), L, 0,
                        n > first, partial[c].AsSpan(g * s.CoutG * ckkG), ckkG, 0);
        });
        for (int c = 1; c < chunks; c++) System.Numerics.Tensors.TensorPrimitives.Add<T>(dw, partial[c], dw);
    }

    /// <summary>Sets every plane of channel o (in N images of `channels` planes of `plane` elements) to value[o].</summary>
    private static void FillChannels<T>(T[] target, int n, int channels, int plane, T[] values, int offset)
    {
        for (int i = 0; i < n; i++)
            for (int o = 0; o < channels; o++) target.AsSpan((i * channels + o) * plane, plane).Fill(values[offset + o]);
    }
}
