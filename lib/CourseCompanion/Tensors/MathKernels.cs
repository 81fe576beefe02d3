using System.Numerics;

namespace CourseCompanion.Tensors;

/// <summary>The six element-wise comparisons; each gives a bool tensor.</summary>
internal enum Comparison { Gt, Ge, Lt, Le, Eq, Ne }

/// <summary>
/// Kernels of the math operations that <see cref="Elementwise"/> does not cover: maps that keep int64 as int64
/// (abs, sign, clamp, relu), comparisons into bool tensors, selection by a mask, and arg-max search along rows.
/// </summary>
internal static class MathKernels
{
    /// <summary>Like <see cref="Elementwise.Map"/>, but int64 (and bool, read as 0/1) inputs stay integers, as PyTorch keeps them for abs, sign, square, relu.</summary>
    public static Tensor MapKeepingIntegers(Tensor x, SpanMap<float> f32, SpanMap<double> f64, SpanMap<long> i64) =>
        x.DType.IsFloatingPoint() ? Elementwise.Map(x, f32, f64) : MapIntegers(x, i64);

    /// <summary>Applies an int64 kernel to an integer or bool tensor (bools read as 0/1); the result is int64.</summary>
    public static Tensor MapIntegers(Tensor x, SpanMap<long> i64)
    {
        var v = x.Detach().To(DType.Int64).Contiguous();
        var result = Tensor.Empty(v.ShapeArray, DType.Int64);
        i64(v.ReadOnlySpan<long>(), result.Span<long>());
        return result;
    }

    /// <summary>
    /// The dtype an op of <paramref name="t"/> with a double scalar computes in. A double is PyTorch's Python float:
    /// it never widens a float tensor, and turns integer and bool tensors into float32.
    /// </summary>
    public static DType ScalarDType(Tensor t) => t.DType.IsFloatingPoint() ? t.DType : DType.Float32;

    /// <summary>A 0-dimensional tensor holding s in the dtype the op with <paramref name="t"/> computes in.</summary>
    public static Tensor ScalarLike(Tensor t, double s) => Tensor.Scalar(s, ScalarDType(t));

    /// <summary>Compares two broadcast operands element-wise in their promoted type (bools compare as 0/1).</summary>
    public static Tensor Compare(Tensor a, Tensor b, Comparison op, string name)
    {
        var shape = Shapes.Broadcast(a.ShapeArray, b.ShapeArray, name);
        var dtype = DTypeInfo.Promote(a.DType, b.DType);
        if (dtype == DType.Bool) dtype = DType.Int64;
        var x = Elementwise.Operand(a, shape, dtype);
        var y = Elementwise.Operand(b, shape, dtype);
        var result = Tensor.Empty(shape, DType.Bool);
        switch (dtype)
        {
            case DType.Float32: Compare(x.ReadOnlySpan<float>(), y.ReadOnlySpan<float>(), result.Span<bool>(), op); break;
            case DType.Float64: Compare(x.ReadOnlySpan<double>(), y.ReadOnlySpan<double>(), result.Span<bool>(), op); break;
            default: Compare(x.ReadOnlySpan<long>(), y.ReadOnlySpan<long>(), result.Span<bool>(), op); break;
        }
        return result;
    }

    // IEEE semantics: every comparison with NaN is false, except "not equal", as in PyTorch.
    private static void Compare<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> r, Comparison op) where T : INumber<T>
    {
        switch (op)
        {
            case Comparison.Gt: for (int i = 0; i < r.Length; i++) r[i] = x[i] > y[i]; break;
            case Comparison.Ge: for (int i = 0; i < r.Length; i++) r[i] = x[i] >= y[i]; break;
            case Comparison.Lt: for (int i = 0; i < r.Length; i++) r[i] = x[i] < y[i]; break;
            case Comparison.Le: for (int i = 0; i < r.Length; i++) r[i] = x[i] <= y[i]; break;
            case Comparison.Eq: for (int i = 0; i < r.Length; i++) r[i] = x[i] == y[i]; break;
            default: for (int i = 0; i < r.Length; i++) r[i] = x[i] != y[i]; break;
        }
    }

    /// <summary>Combines two masks element-wise (non-zero counts as true).</summary>
    public static Tensor Logical(Tensor a, Tensor b, Func<bool, bool, bool> f, string name)
    {
        var shape = Shapes.Broadcast(a.ShapeArray, b.ShapeArray, name);
        var x = Elementwise.Operand(a, shape, DType.Bool).ReadOnlySpan<bool>();
        var y = Elementwise.Operand(b, shape, DType.Bool).ReadOnlySpan<bool>();
        var result = Tensor.Empty(shape, DType.Bool);
        var r = result.Span<bool>();
        for (int i = 0; i < r.Length; i++) r[i] = f(x[i], y[i]);
        return result;
    }

    /// <summary>r = cond ? a : b over the broadcast shape of all three, in the promoted type of a and b.</summary>
    public static Tensor Select(Tensor cond, Tensor a, Tensor b)
    {
        var shape = Shapes.Broadcast(Shapes.Broadcast(cond.ShapeArray, a.ShapeArray, "Where"), b.ShapeArray, "Where");
        var dtype = DTypeInfo.Promote(a.DType, b.DType);
        var c = Elementwise.Operand(cond, shape, DType.Bool).ReadOnlySpan<bool>();
        var x = Elementwise.Operand(a, shape, dtype);
        var y = Elementwise.Operand(b, shape, dtype);
        var result = Tensor.Empty(shape, dtype);
        switch (dtype)
        {
            case DType.Float32: Select(c, x.ReadOnlySpan<float>(), y.ReadOnlySpan<float>(), result.Span<float>()); break;
            case DType.Float64: Select(c, x.ReadOnlySpan<double>(), y.ReadOnlySpan<double>(), result.Span<double>()); break;
            case DType.Int64: Select(c, x.ReadOnlySpan<long>(), y.ReadOnlySpan<long>(), result.Span<long>()); break;
            default: Select(c, x.ReadOnlySpan<bool>(), y.ReadOnlySpan<bool>(), result.Span<bool>()); break;
        }
        return result;
    }

    private static void Select<T>(ReadOnlySpan<bool> c, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> r)
    {
        for (int i = 0; i < r.Length; i++) r[i] = c[i] ? a[i] : b[i];
    }

    /// <summary>
    /// Index of the largest (or smallest) element of a row: the first one on ties, and the first NaN if there is one
    /// (NaN wins, as in PyTorch).
    /// </summary>
    public static int ArgExtreme<T>(ReadOnlySpan<T> row, bool largest) where T : INumber<T>
    {
        int best = 0;
        T v = row[0];
        if (T.IsNaN(v)) return 0;
        for (int i = 1; i < row.Length; i++)
        {
            T x = row[i];
            if (T.IsNaN(x)) return i;
            if (largest ? x > v : x < v) { v = x; best = i; }
        }
        return best;
    }

    /// <summary>Per row of length n of the contiguous rows view, the arg-extreme index (and the value, written to values).</summary>
    public static long[] ArgExtremeRows<T>(ReadOnlySpan<T> rows, Span<T> values, int n, bool largest) where T : INumber<T>
    {
        var indices = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            var row = rows.Slice(i * n, n);
            int k = ArgExtreme(row, largest);
            indices[i] = k;
            values[i] = row[k];
        }
        return indices;
    }

    /// <summary>
    /// A contiguous tensor of <paramref name="shape"/> that is 1 at the chosen index along <paramref name="dim"/> of every
    /// row and 0 elsewhere: the mask that routes the gradient of max/min over a dim to the arg positions.
    /// </summary>
    public static Tensor OneHot(int[] shape, int dim, long[] indices, DType dtype)
    {
        int n = shape[dim];
        int inner = Shapes.Product(shape.AsSpan(dim + 1));
        var mask = Tensor.Empty(shape, dtype);
        for (int r = 0; r < indices.Length; r++)
        {
            int outer = r / inner, i = r % inner;
            Tensor.SetFromDouble(mask.Data, dtype, outer * n * inner + (int)indices[r] * inner + i, 1);
        }
        return mask;
    }
}
