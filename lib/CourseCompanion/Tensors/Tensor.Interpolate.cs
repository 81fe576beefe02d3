namespace CourseCompanion.Tensors;

/// <summary>How <see cref="Tensor.Interpolate"/> computes new pixels.</summary>
public enum InterpolationMode
{
    /// <summary>Copy the nearest input pixel (PyTorch's "nearest": source index ⌊dst·in/out⌋).</summary>
    Nearest,
    /// <summary>Weighted mean of the four surrounding input pixels.</summary>
    Bilinear,
}

public sealed partial class Tensor
{
    /// <summary>
    /// Resizes the last two dimensions of [N, C, H, W] like <c>F.interpolate</c>: give either the output
    /// <paramref name="size"/> or a <paramref name="scaleFactor"/> (output = ⌊in·scale⌋). Nearest copies pixels
    /// (two IndexSelects); bilinear is separable, so it is the product M_h·x·M_wᵀ with interpolation matrices.
    /// <paramref name="alignCorners"/> (bilinear only, default false) maps the corner pixels' centres onto each other.
    /// Both are built from differentiable ops, so gradients (and second derivatives) come for free.
    /// </summary>
    public Tensor Interpolate(Pair? size = null, double? scaleFactor = null, InterpolationMode mode = InterpolationMode.Nearest, bool? alignCorners = null)
    {
        RequireRank(this, 4, "Interpolate", "input", "[N, C, H, W]");
        RequireFloatingPoint("Interpolate");
        if ((size is null) == (scaleFactor is null))
            throw new ArgumentException("Interpolate: give either size or scaleFactor, not both and not neither.");
        if (mode == InterpolationMode.Nearest && alignCorners is not null)
            throw new ArgumentException("Interpolate: alignCorners only applies to bilinear interpolation (as in PyTorch).");
        if (scaleFactor is <= 0) throw new ArgumentException($"Interpolate: scale factor {scaleFactor} must be positive.");
        int h = ShapeArray[2], w = ShapeArray[3];
        var outSize = size ?? new Pair((int)Math.Floor(h * scaleFactor!.Value), (int)Math.Floor(w * scaleFactor.Value));
        if (outSize.Height <= 0 || outSize.Width <= 0)
            throw new ArgumentException($"Interpolate: output size {outSize} for input {Shapes.Format(ShapeArray)} must be positive.");
        if (mode == InterpolationMode.Nearest)
            return IndexSelect(2, NearestSource(h, outSize.Height, scaleFactor)).IndexSelect(3, NearestSource(w, outSize.Width, scaleFactor));
        bool corners = alignCorners ?? false;
        var mh = BilinearMatrix(h, outSize.Height, scaleFactor, corners, DType);
        var mw = BilinearMatrix(w, outSize.Width, scaleFactor, corners, DType);
        return mh.MatMul(this).MatMul(mw.T);
    }

    /// <summary>PyTorch's nearest index, computed in float32 as its kernel does: min(⌊dst·scale⌋, in − 1).</summary>
    private static Tensor NearestSource(int size, int outSize, double? scaleFactor)
    {
        float scale = scaleFactor is double s ? (float)(1.0 / s) : (float)size / outSize;
        var index = new long[outSize];
        for (int i = 0; i < outSize; i++) index[i] = Math.Min((long)MathF.Floor(i * scale), size - 1);
        return FromArray(index);
    }

    /// <summary>[out, in] matrix of bilinear weights along one axis (PyTorch's area_pixel_compute_source_index).</summary>
    private static Tensor BilinearMatrix(int size, int outSize, double? scaleFactor, bool alignCorners, DType dtype)
    {
        double scale = alignCorners
            ? (outSize > 1 ? (size - 1.0) / (outSize - 1.0) : 0)
            : scaleFactor is double s ? 1.0 / s : (double)size / outSize;
        var m = new double[outSize * size];
        for (int i = 0; i < outSize; i++)
        {
            double src = alignCorners ? scale * i : Math.Max(scale * (i + 0.5) - 0.5, 0);
            int i0 = Math.Min((int)src, size - 1), i1 = i0 < size - 1 ? i0 + 1 : i0;
            double l1 = src - i0;
            m[i * size + i0] += 1 - l1;
            m[i * size + i1] += l1;
        }
        return FromArray(m, outSize, size).To(dtype);
    }
}
