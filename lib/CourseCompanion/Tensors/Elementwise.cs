namespace CourseCompanion.Tensors;

/// <summary>A kernel that maps a flat span to a flat span of the same length.</summary>
internal delegate void SpanMap<T>(ReadOnlySpan<T> x, Span<T> result);

/// <summary>A kernel that combines two flat spans of equal length.</summary>
internal delegate void SpanZip<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result);

/// <summary>
/// Runs element-wise kernels over tensors: picks the dtype, makes inputs contiguous, broadcasts binary
/// operands (without copying them, see <see cref="BroadcastRuns"/>), and allocates the result. Gradients are recorded by
/// the callers, next to their forward.
/// </summary>
internal static class Elementwise
{
    /// <summary>Applies a floating-point kernel; integer inputs are converted to float32 first, as PyTorch does.</summary>
    public static Tensor Map(Tensor x, SpanMap<float> f32, SpanMap<double> f64)
    {
        if (!x.DType.IsFloatingPoint()) x = x.Detach().To(DType.Float32);
        x = x.Contiguous();
        var result = Tensor.Uninitialized(x.ShapeArray, x.DType);
        if (x.DType == DType.Float32) f32(x.ReadOnlySpan<float>(), result.Span<float>());
        else f64(x.ReadOnlySpan<double>(), result.Span<double>());
        return result;
    }

    /// <summary>
    /// Applies a binary kernel after broadcasting both operands to a common shape and type.
    /// Without an int64 kernel, integer operands are computed in float32.
    /// </summary>
    public static Tensor Zip(Tensor a, Tensor b, string op, SpanZip<float> f32, SpanZip<double> f64, SpanZip<long>? i64 = null)
    {
        var shape = Shapes.Broadcast(a.ShapeArray, b.ShapeArray, op);
        var dtype = DTypeInfo.Promote(a.DType, b.DType);
        if (!dtype.IsFloatingPoint() && i64 is null) dtype = DType.Float32;
        var x = Expanded(a, shape, dtype);
        var y = Expanded(b, shape, dtype);
        if (!BroadcastRuns.Fits(x, y))
        {
            x = Expanded(x.IsContiguous ? x : a.Detach().To(dtype).Contiguous(), shape, dtype);
            y = Expanded(y.IsContiguous ? y : b.Detach().To(dtype).Contiguous(), shape, dtype);
        }
        var result = Tensor.Uninitialized(shape, dtype);
        switch (dtype)
        {
            case DType.Float32: BroadcastRuns.Zip(x, y, result.Span<float>(), f32); break;
            case DType.Float64: BroadcastRuns.Zip(x, y, result.Span<double>(), f64); break;
            default: BroadcastRuns.Zip(x, y, result.Span<long>(), i64!); break;
        }
        return result;
    }

    /// <summary>A detached view of an operand converted to dtype and expanded to the broadcast shape, without copying its layout.</summary>
    private static Tensor Expanded(Tensor t, int[] shape, DType dtype)
    {
        var v = t.Detach();
        if (v.DType != dtype) v = v.To(dtype);
        return Shapes.Equal(v.ShapeArray, shape) ? v : v.Expand(shape);
    }

    /// <summary>An operand converted to dtype and laid out contiguously in the broadcast shape (a copy only when needed).</summary>
    public static Tensor Operand(Tensor t, int[] shape, DType dtype)
    {
        var v = t.Detach();
        if (v.DType != dtype) v = v.To(dtype);
        if (!Shapes.Equal(v.ShapeArray, shape)) v = v.Expand(shape);
        return v.Contiguous();
    }
}
