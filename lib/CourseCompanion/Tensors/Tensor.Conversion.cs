namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>This tensor if its elements are already row-major without gaps, else a contiguous copy (differentiable).</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>A contiguous copy with its own storage (differentiable).</summary>
    public Tensor Clone()
    {
        var result = CopyToContiguous();
        return Autograd.Record(result, "Clone", [this], g => [g]);
    }

    internal Tensor CopyToContiguous()
    {
        var result = Empty(ShapeArray, DType);
        switch (DType)
        {
            case DType.Float32: StridedCopy.Gather(Storage<float>(), Offset, ShapeArray, StridesArray, result.Span<float>()); break;
            case DType.Float64: StridedCopy.Gather(Storage<double>(), Offset, ShapeArray, StridesArray, result.Span<double>()); break;
            case DType.Int64: StridedCopy.Gather(Storage<long>(), Offset, ShapeArray, StridesArray, result.Span<long>()); break;
            default: StridedCopy.Gather(Storage<bool>(), Offset, ShapeArray, StridesArray, result.Span<bool>()); break;
        }
        return result;
    }

    /// <summary>Converts to another element type; gradients flow back between floating types.</summary>
    public Tensor To(DType dtype)
    {
        if (dtype == DType) return this;
        var source = Contiguous();
        var result = Empty(ShapeArray, dtype);
        var d = result.Data;
        var s = source.Data;
        int o = source.Offset, n = NumEl;
        for (int i = 0; i < n; i++) SetFromDouble(d, dtype, i, GetAsDouble(s, DType, o + i));
        if (DType == DType.Int64 && dtype != DType.Bool)
            for (int i = 0; i < n; i++) // exact for integers beyond 2^53
                SetFromInt64(d, dtype, i, ((long[])s)[o + i]);
        if (dtype.IsFloatingPoint() && DType.IsFloatingPoint())
            return Autograd.Record(result, "To", [this], g => [g.To(DType)]);
        return result;
    }

    /// <summary>Converts to float32.</summary>
    public Tensor Float() => To(DType.Float32);

    /// <summary>Converts to float64.</summary>
    public Tensor Double() => To(DType.Float64);

    /// <summary>Converts to int64 (truncating toward zero).</summary>
    public Tensor Long() => To(DType.Int64);

    /// <summary>Converts to bool (non-zero is true).</summary>
    public Tensor Bool() => To(DType.Bool);

    /// <summary>The value of a one-element tensor, as a double.</summary>
    public double Item()
    {
        if (NumEl != 1) throw new InvalidOperationException($"Item: the tensor has {NumEl} elements, not one; shape {Shapes.Format(ShapeArray)}.");
        return GetAsDouble(Data, DType, Offset);
    }

    /// <summary>The elements in row-major order, converted to T (float, double, long or bool).</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var converted = To(DTypeInfo.Of(typeof(T))).Contiguous();
        return converted.Span<T>().ToArray();
    }

    /// <summary>Element at a multi-index (negative indices count from the end), as a double.</summary>
    public double GetDouble(params int[] index)
    {
        if (index.Length != Dim) throw new ArgumentException($"GetDouble: {index.Length} indices for a tensor with {Dim} dimensions.");
        int offset = Offset;
        for (int d = 0; d < Dim; d++)
        {
            int i = index[d] < 0 ? index[d] + ShapeArray[d] : index[d];
            if (i < 0 || i >= ShapeArray[d]) throw new IndexOutOfRangeException($"GetDouble: index {index[d]} is out of range for dimension {d} of size {ShapeArray[d]}.");
            offset += i * StridesArray[d];
        }
        return GetAsDouble(Data, DType, offset);
    }

    internal static double GetAsDouble(Array data, DType dtype, int i) => dtype switch
    {
        DType.Float32 => ((float[])data)[i],
        DType.Float64 => ((double[])data)[i],
        DType.Int64 => ((long[])data)[i],
        _ => ((bool[])data)[i] ? 1.0 : 0.0,
    };

    internal static void SetFromDouble(Array data, DType dtype, int i, double value)
    {
        switch (dtype)
        {
            case DType.Float32: ((float[])data)[i] = (float)value; break;
            case DType.Float64: ((double[])data)[i] = value; break;
            case DType.Int64: ((long[])data)[i] = (long)value; break;
            default: ((bool[])data)[i] = value != 0; break;
        }
    }

    private static void SetFromInt64(Array data, DType dtype, int i, long value)
    {
        switch (dtype)
        {
            case DType.Float32: ((float[])data)[i] = value; break;
            case DType.Float64: ((double[])data)[i] = value; break;
            case DType.Int64: ((long[])data)[i] = value; break;
        }
    }
}
