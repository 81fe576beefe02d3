namespace CourseCompanion.Tensors;

/// <summary>Element type of a tensor, chosen at run time as in PyTorch.</summary>
public enum DType
{
    /// <summary>32-bit float, the default for new tensors.</summary>
    Float32,
    /// <summary>64-bit float, used by gradient checks.</summary>
    Float64,
    /// <summary>64-bit integer: indices, labels, argmax results.</summary>
    Int64,
    /// <summary>Boolean: masks and comparison results.</summary>
    Bool,
}

/// <summary>Facts about <see cref="DType"/> values.</summary>
public static class DTypeInfo
{
    /// <summary>True for Float32 and Float64: the types gradients flow through.</summary>
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>PyTorch's name for the type, as shown by ToString (float32, float64, int64, bool).</summary>
    public static string TorchName(this DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int64 => "int64",
        _ => "bool",
    };

    /// <summary>The type both operands of a binary operation are converted to (PyTorch's promotion for these four types).</summary>
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        if (a == DType.Float64 || b == DType.Float64) return DType.Float64;
        if (a == DType.Float32 || b == DType.Float32) return DType.Float32;
        return DType.Int64;
    }

    internal static Array Allocate(DType dtype, int length) => dtype switch
    {
        DType.Float32 => new float[length],
        DType.Float64 => new double[length],
        DType.Int64 => new long[length],
        _ => new bool[length],
    };

    /// <summary>Like <see cref="Allocate"/> but without clearing large arrays first: for results whose every element is written.</summary>
    internal static Array AllocateUninitialized(DType dtype, int length) => dtype switch
    {
        DType.Float32 => GC.AllocateUninitializedArray<float>(length),
        DType.Float64 => GC.AllocateUninitializedArray<double>(length),
        DType.Int64 => GC.AllocateUninitializedArray<long>(length),
        _ => GC.AllocateUninitializedArray<bool>(length),
    };

    internal static DType Of(Type type) =>
        type == typeof(float) ? DType.Float32
        : type == typeof(double) ? DType.Float64
        : type == typeof(long) ? DType.Int64
        : type == typeof(bool) ? DType.Bool
        : throw new ArgumentException($"No tensor dtype for element type {type.Name}; use float, double, long or bool.");
}
