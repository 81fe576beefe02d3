namespace CourseCompanion.Tensors;

/// <summary>A kernel that reduces one contiguous row to a value.</summary>
internal delegate T RowReducer<T>(ReadOnlySpan<T> row);

/// <summary>
/// Runs reductions over chosen dimensions: moves them to the end, makes the tensor contiguous,
/// and reduces each row with a kernel. Also restores reduced dimensions for backward rules.
/// </summary>
internal static class DimReduction
{
    /// <summary>Sorted, de-duplicated, non-negative dims; null or empty means all dims.</summary>
    public static int[] Dims(Tensor x, int[]? dims, string op) =>
        dims is null || dims.Length == 0
            ? Enumerable.Range(0, x.Dim).ToArray()
            : dims.Select(d => Shapes.NormalizeDim(d, x.Dim, op)).Distinct().Order().ToArray();

    /// <summary>Shape after reducing <paramref name="dims"/>, with size-1 placeholders if keepDim.</summary>
    public static int[] ReducedShape(int[] shape, int[] dims, bool keepDim)
    {
        var result = new List<int>();
        for (int d = 0; d < shape.Length; d++)
        {
            if (Array.IndexOf(dims, d) < 0) result.Add(shape[d]);
            else if (keepDim) result.Add(1);
        }
        return result.ToArray();
    }

    /// <summary>The input viewed as [outer, inner] rows: kept dims first, reduced dims last.</summary>
    public static Tensor Rows(Tensor x, int[] dims, out int rowLength)
    {
        var kept = Enumerable.Range(0, x.Dim).Where(d => Array.IndexOf(dims, d) < 0);
        var order = kept.Concat(dims).ToArray();
        rowLength = Shapes.Product(dims.Select(d => x.ShapeArray[d]).ToArray());
        var moved = x.Detach().Permute(order).Contiguous();
        return moved;
    }

    /// <summary>Reduces every row with per-dtype kernels; int64 and bool inputs use the int64 kernel when given, else float32.</summary>
    public static Tensor Apply(Tensor x, int[] dims, bool keepDim, RowReducer<float> f32, RowReducer<double> f64, RowReducer<long>? i64 = null)
    {
        var source = x;
        if (!x.DType.IsFloatingPoint()) source = x.Detach().To(i64 is null ? DType.Float32 : DType.Int64);
        var rows = Rows(source, dims, out int length);
        var result = Tensor.Empty(ReducedShape(x.ShapeArray, dims, keepDim), source.DType);
        int count = result.NumEl;
        switch (source.DType)
        {
            case DType.Float32: ReduceRows(rows.ReadOnlySpan<float>(), result.Span<float>(), count, length, f32); break;
            case DType.Float64: ReduceRows(rows.ReadOnlySpan<double>(), result.Span<double>(), count, length, f64); break;
            default: ReduceRows(rows.ReadOnlySpan<long>(), result.Span<long>(), count, length, i64!); break;
        }
        return result;
    }

    private static void ReduceRows<T>(ReadOnlySpan<T> source, Span<T> result, int count, int length, RowReducer<T> reduce)
    {
        for (int i = 0; i < count; i++) result[i] = reduce(source.Slice(i * length, length));
    }

    /// <summary>Re-inserts reduced dims as size 1 so a reduced result broadcasts against the input.</summary>
    public static Tensor KeepDims(Tensor reduced, int[] dims, bool keepDim)
    {
        if (keepDim) return reduced;
        var t = reduced;
        foreach (int d in dims) t = t.Unsqueeze(d);
        return t;
    }
}
