using System.Numerics;

namespace CourseCompanion.Tensors;

/// <summary>
/// The kernels behind the indexing operations. Each operation first turns its indices into a list of flat
/// storage positions (validating them on the way); then one of three loops moves the values:
/// <see cref="Take"/> reads (gather, index-select), <see cref="Put"/> writes (scatter, cat, pad) and
/// <see cref="Accumulate"/> adds, so duplicate positions sum up (scatter-add, index-add: the backward rules).
/// </summary>
internal static class IndexKernels
{
    /// <summary>A new contiguous tensor of <paramref name="shape"/> with element i = source storage at positions[i].</summary>
    public static Tensor Take(Tensor source, int[] positions, int[] shape)
    {
        var result = Tensor.Empty(shape, source.DType);
        switch (source.DType)
        {
            case DType.Float32: Take(source.Storage<float>(), positions, result.Span<float>()); break;
            case DType.Float64: Take(source.Storage<double>(), positions, result.Span<double>()); break;
            case DType.Int64: Take(source.Storage<long>(), positions, result.Span<long>()); break;
            default: Take(source.Storage<bool>(), positions, result.Span<bool>()); break;
        }
        return result;
    }

    private static void Take<T>(T[] source, int[] positions, Span<T> result)
    {
        for (int i = 0; i < positions.Length; i++) result[i] = source[positions[i]];
    }

    /// <summary>Writes values (any layout, same dtype, one per position) to target storage at the positions; a later duplicate wins.</summary>
    public static void Put(Tensor target, int[] positions, Tensor values)
    {
        var v = values.DType == target.DType ? values.Detach().Contiguous() : values.Detach().To(target.DType).Contiguous();
        switch (target.DType)
        {
            case DType.Float32: Put(target.Storage<float>(), positions, v.ReadOnlySpan<float>()); break;
            case DType.Float64: Put(target.Storage<double>(), positions, v.ReadOnlySpan<double>()); break;
            case DType.Int64: Put(target.Storage<long>(), positions, v.ReadOnlySpan<long>()); break;
            default: Put(target.Storage<bool>(), positions, v.ReadOnlySpan<bool>()); break;
        }
    }

    private static void Put<T>(T[] target, int[] positions, ReadOnlySpan<T> values)
    {
        for (int i = 0; i < positions.Length; i++) target[positions[i]] = values[i];
    }

    /// <summary>Adds values (one per position) into target storage; duplicate positions accumulate.</summary>
    public static void Accumulate(Tensor target, int[] positions, Tensor values, string op)
    {
        var v = values.Detach().Contiguous();
        switch (target.DType)
        {
            case DType.Float32: Accumulate(target.Storage<float>(), positions, v.ReadOnlySpan<float>()); break;
            case DType.Float64: Accumulate(target.Storage<double>(), positions, v.ReadOnlySpan<double>()); break;
            case DType.Int64: Accumulate(target.Storage<long>(), positions, v.ReadOnlySpan<long>()); break;
            default: throw new ArgumentException($"{op}: bool values cannot be added up; use a float or int64 tensor.");
        }
    }

    private static void Accumulate<T>(T[] target, int[] positions, ReadOnlySpan<T> values) where T : INumber<T>
    {
        for (int i = 0; i < positions.Length; i++) target[positions[i]] += values[i];
    }

    /// <summary>Sets target storage at the positions to one value.</summary>
    public static void Fill(Tensor target, int[] positions, double value)
    {
        switch (target.DType)
        {
            case DType.Float32: Fill(target.Storage<float>(), positions, (float)value); break;
            case DType.Float64: Fill(target.Storage<double>(), positions, value); break;
            case DType.Int64: Fill(target.Storage<long>(), positions, (long)value); break;
            default: Fill(target.Storage<bool>(), positions, value != 0); break;
        }
    }

    private static void Fill<T>(T[] target, int[] positions, T value)
    {
        foreach (int p in positions) target[p] = value;
    }

    /// <summary>The values of an int64 index tensor in row-major order.</summary>
    public static long[] Indices(Tensor index, string op)
    {
        if (index.DType != DType.Int64)
            throw new ArgumentException($"{op}: indices must be an int64 tensor, got {index.DType.TorchName()}; convert with .Long().");
        return index.Detach().Contiguous().ReadOnlySpan<long>().ToArray();
    }

    /// <summary>Throws the standard message when an index falls outside [0, size).</summary>
    public static void CheckRange(long i, int size, int dim, string op)
    {
        if (i < 0 || i >= size)
            throw new IndexOutOfRangeException($"{op}: index {i} is out of range for dimension {dim} of size {size}.");
    }

    /// <summary>
    /// Positions for gather/scatter: for each element of <paramref name="index"/> (row-major), the storage position of
    /// the element of a tensor (shape, strides, offset) whose coordinate along <paramref name="dim"/> is the index
    /// value and whose other coordinates are the index element's own.
    /// </summary>
    public static int[] GatherPositions(int[] shape, int[] strides, int offset, int dim, Tensor index, string op)
    {
        var idx = Indices(index, op);
        var s = (int[])strides.Clone();
        s[dim] = 0;
        var positions = StridedCopy.Offsets(offset, index.ShapeArray, s);
        for (int i = 0; i < positions.Length; i++)
        {
            CheckRange(idx[i], shape[dim], dim, op);
            positions[i] += (int)idx[i] * strides[dim];
        }
        return positions;
    }

    /// <summary>
    /// Positions for index-select/index-add: the storage positions of the tensor (shape, strides, offset) with
    /// dimension <paramref name="dim"/> replaced by the listed indices, in row-major order of that result.
    /// </summary>
    public static int[] AlongDimPositions(int[] shape, int[] strides, int offset, int dim, long[] idx, string op)
    {
        foreach (long i in idx) CheckRange(i, shape[dim], dim, op);
        var outShape = (int[])shape.Clone();
        outShape[dim] = idx.Length;
        var s = (int[])strides.Clone();
        s[dim] = 0;
        var positions = StridedCopy.Offsets(offset, outShape, s);
        int inner = Shapes.Product(outShape.AsSpan(dim + 1));
        for (int i = 0; i < positions.Length; i++)
            positions[i] += (int)idx[i / inner % idx.Length] * strides[dim];
        return positions;
    }
}
