using System.Runtime.InteropServices;

namespace CourseCompanion.Tensors;

/// <summary>
/// An n-dimensional array with a run-time dtype, strides over shared storage (so views cost nothing),
/// and reverse-mode autograd. Names follow PyTorch in .NET casing: <c>Tensor.Randn(3, 4)</c>,
/// <c>x.MatMul(w)</c>, <c>y.Sum(dim: 1, keepDim: true)</c>, <c>loss.Backward()</c>.
/// </summary>
public sealed partial class Tensor
{
    internal readonly Array Data;
    internal readonly int[] ShapeArray;
    internal readonly int[] StridesArray;
    internal readonly int Offset;
    private bool _requiresGrad;

    internal Tensor(Array data, int[] shape, int[] strides, int offset, DType dtype)
    {
        Data = data;
        ShapeArray = shape;
        StridesArray = strides;
        Offset = offset;
        DType = dtype;
        NumEl = Shapes.Product(shape);
    }

    internal Tensor(Array data, int[] shape, DType dtype) : this(data, shape, Shapes.ContiguousStrides(shape), 0, dtype) { }

    /// <summary>A new contiguous tensor of zeros (the allocation primitive all operations use).</summary>
    internal static Tensor Empty(int[] shape, DType dtype) => new(DTypeInfo.Allocate(dtype, Shapes.Product(shape)), shape, dtype);

    /// <summary>A contiguous tensor whose elements are garbage until written: only for kernels that write every element.</summary>
    internal static Tensor Uninitialized(int[] shape, DType dtype) => new(DTypeInfo.AllocateUninitialized(dtype, Shapes.Product(shape)), shape, dtype);

    /// <summary>Element type.</summary>
    public DType DType { get; }

    /// <summary>Always the CPU here; kept so cells read as they would with TorchSharp.</summary>
    public Device Device => Device.Cpu;

    /// <summary>The size of each dimension (a copy).</summary>
    public int[] Shape => (int[])ShapeArray.Clone();

    /// <summary>Element steps between neighbours along each dimension (a copy).</summary>
    public int[] Strides => (int[])StridesArray.Clone();

    /// <summary>Number of dimensions.</summary>
    public int Dim => ShapeArray.Length;

    /// <summary>Number of elements.</summary>
    public int NumEl { get; }

    /// <summary>Size of one dimension; negative dims count from the end.</summary>
    public int Size(int dim) => ShapeArray[Shapes.NormalizeDim(dim, Dim, "Size")];

    /// <summary>True when the elements lie in row-major order without gaps, so kernels can use a flat span.</summary>
    public bool IsContiguous => Shapes.IsContiguous(ShapeArray, StridesArray);

    /// <summary>Whether operations on this tensor record a graph for <see cref="Backward"/>. Only floating-point tensors can require grad.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (value && !DType.IsFloatingPoint())
                throw new InvalidOperationException($"RequiresGrad: only floating-point tensors can require gradients, not {DType.TorchName()}.");
            if (!value && GradFn is not null)
                throw new InvalidOperationException("RequiresGrad: cannot turn off gradients of a non-leaf tensor; use Detach().");
            _requiresGrad = value;
        }
    }

    /// <summary>The accumulated gradient after <see cref="Backward"/> (leaves, and tensors that called <see cref="RetainGrad"/>).</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The operation that produced this tensor, or null for a leaf.</summary>
    internal GradFn? GradFn { get; private set; }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>Name of the operation that produced this tensor (e.g. "MatMul"), or null for a leaf.</summary>
    public string? GradFnName => GradFn?.Name;

    internal bool RetainsGrad { get; private set; }

    /// <summary>Keeps <see cref="Grad"/> for this non-leaf tensor after backward, to inspect intermediate gradients.</summary>
    public Tensor RetainGrad() { RetainsGrad = true; return this; }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for fluent creation.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true) { RequiresGrad = requiresGrad; return this; }

    /// <summary>The same values cut from the graph: no gradient flows through the result.</summary>
    public Tensor Detach() => new(Data, ShapeArray, StridesArray, Offset, DType);

    /// <summary>Returns this tensor on the given device (only the CPU exists, so this is the tensor itself).</summary>
    public Tensor To(Device device) => device == Device.Cpu ? this : throw new NotSupportedException($"To: device '{device}' is not available; only the CPU exists here.");

    internal void SetGradFn(GradFn fn)
    {
        GradFn = fn;
        _requiresGrad = true;
    }

    /// <summary>The flat storage of a contiguous tensor of element type T.</summary>
    internal Span<T> Span<T>() where T : unmanaged
    {
        System.Diagnostics.Debug.Assert(IsContiguous);
        return new Span<T>((T[])Data, Offset, NumEl);
    }

    internal ReadOnlySpan<T> ReadOnlySpan<T>() where T : unmanaged => Span<T>();

    /// <summary>The flat storage of a contiguous tensor as memory, which (unlike a span) parallel kernels can capture.</summary>
    internal Memory<T> Memory<T>() where T : unmanaged
    {
        System.Diagnostics.Debug.Assert(IsContiguous);
        return new Memory<T>((T[])Data, Offset, NumEl);
    }

    internal T[] Storage<T>() => (T[])Data;

    internal void RequireDType(DType expected, string op)
    {
        if (DType != expected)
            throw new ArgumentException($"{op}: expected a {expected.TorchName()} tensor, got {DType.TorchName()}.");
    }

    internal void RequireFloatingPoint(string op)
    {
        if (!DType.IsFloatingPoint())
            throw new ArgumentException($"{op}: expected a floating-point tensor, got {DType.TorchName()}; convert with .Float() or .Double().");
    }
}
