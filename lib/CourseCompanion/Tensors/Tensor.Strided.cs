namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// The view with the given shape, strides and offset over this tensor's elements taken in row-major order
    /// (a copy is made first if this tensor is not contiguous). Its backward is <see cref="StridedScatter"/>, its adjoint.
    /// </summary>
    internal Tensor AsStrided(int[] shape, int[] strides, int offset)
    {
        var source = Contiguous();
        var result = new Tensor(source.Data, shape, strides, source.Offset + offset, DType);
        var fullShape = ShapeArray;
        return Autograd.Record(result, "AsStrided", [source], g => [StridedScatter(g, fullShape, strides, offset)]);
    }

    /// <summary>
    /// Zeros of <paramref name="fullShape"/> with <paramref name="values"/> written (added, where the view overlaps
    /// itself) at the positions of a strided view: the gradient of slicing and narrowing.
    /// </summary>
    internal static Tensor StridedScatter(Tensor values, int[] fullShape, int[] strides, int offset)
    {
        var result = Empty(fullShape, values.DType);
        var positions = StridedCopy.Offsets(offset, values.ShapeArray, strides);
        var v = values.Contiguous();
        switch (values.DType)
        {
            case DType.Float32: ScatterAdd(v.ReadOnlySpan<float>(), result.Span<float>(), positions); break;
            case DType.Float64: ScatterAdd(v.ReadOnlySpan<double>(), result.Span<double>(), positions); break;
            case DType.Int64: ScatterAdd(v.ReadOnlySpan<long>(), result.Span<long>(), positions); break;
            default: throw new ArgumentException("StridedScatter: bool values cannot be accumulated.");
        }
        var viewShape = values.ShapeArray;
        return Autograd.Record(result, "StridedScatter", [values], g => [g.AsStrided(viewShape, strides, offset)]);
    }

    private static void ScatterAdd<T>(ReadOnlySpan<T> values, Span<T> target, int[] positions) where T : System.Numerics.INumber<T>
    {
        for (int i = 0; i < positions.Length; i++) target[positions[i]] += values[i];
    }
}
