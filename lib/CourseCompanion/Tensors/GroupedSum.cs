using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

/// <summary>
/// Sums a contiguous float tensor over dimensions that, merged, read [outer, kept, inner] with the kept block in the middle:
/// a bias gradient (sum over the batch, [N, F] → [F]) or a per-channel sum ([N, C, H, W] → [C]). Whole rows are added at a
/// time, so nothing is transposed or copied first, unlike the general path that moves reduced dimensions to the end.
/// </summary>
internal static class GroupedSum
{
    /// <summary>The sum as a contiguous tensor of <paramref name="resultShape"/>, or null when the layout is not of this form.</summary>
    public static Tensor? TrySum(Tensor x, int[] dims, int[] resultShape)
    {
        if (!x.IsContiguous || x.DType is not (DType.Float32 or DType.Float64) || !Split(x.ShapeArray, dims, out int outer, out int kept, out int inner))
            return null;
        var result = Tensor.Zeros(resultShape, x.DType);
        if (x.DType == DType.Float32) Sum(x.ReadOnlySpan<float>(), result.Span<float>(), outer, kept, inner);
        else Sum(x.ReadOnlySpan<double>(), result.Span<double>(), outer, kept, inner);
        return result;
    }

    private static void Sum<T>(ReadOnlySpan<T> x, Span<T> result, int outer, int kept, int inner)
        where T : unmanaged, System.Numerics.IAdditionOperators<T, T, T>, System.Numerics.IAdditiveIdentity<T, T>
    {
        for (int o = 0; o < outer; o++)
        {
            var block = x.Slice(o * kept * inner, kept * inner);
            if (inner == 1) TensorPrimitives.Add(result, block, result);
            else for (int k = 0; k < kept; k++) result[k] += TensorPrimitives.Sum(block.Slice(k * inner, inner));
        }
    }

    /// <summary>True when reduced dims (ignoring size-1 dims) form a leading group, a trailing group or both, around one kept group, and a leading one exists.</summary>
    private static bool Split(int[] shape, int[] dims, out int outer, out int kept, out int inner)
    {
        outer = kept = inner = 1;
        int phase = 0; // 0: leading reduced, 1: kept, 2: trailing reduced
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] == 1) continue;
            bool reduced = Array.IndexOf(dims, d) >= 0;
            if (phase == 0 && !reduced) phase = 1;
            else if (phase == 1 && reduced) phase = 2;
            else if (phase == 2 && !reduced) return false;
            if (phase == 0) outer *= shape[d];
            else if (phase == 1) kept *= shape[d];
            else inner *= shape[d];
        }
        return outer > 1 && kept > 1;
    }
}
