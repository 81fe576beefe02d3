namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>Adds <paramref name="other"/> (broadcast to this shape) into this tensor's storage.</summary>
    public Tensor Add_(Tensor other) => Assign(this + other, "Add_");

    /// <summary>Adds alpha · other into this tensor's storage (the optimizer update x ← x + αy).</summary>
    public Tensor Add_(Tensor other, double alpha) => Assign(this + other * alpha, "Add_");

    /// <summary>Subtracts <paramref name="other"/> in place.</summary>
    public Tensor Sub_(Tensor other) => Assign(this - other, "Sub_");

    /// <summary>Multiplies by <paramref name="other"/> in place.</summary>
    public Tensor Mul_(Tensor other) => Assign(this * other, "Mul_");

    /// <summary>Multiplies by a scalar in place.</summary>
    public Tensor Mul_(double s) => Assign(this * s, "Mul_");

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public Tensor Fill_(double value) => Assign(FullLike(this, value), "Fill_");

    /// <summary>Sets every element to zero.</summary>
    public Tensor Zero_() => Fill_(0);

    /// <summary>Copies <paramref name="source"/> (broadcast to this shape, converted to this dtype) into this tensor.</summary>
    public Tensor Copy_(Tensor source) => Assign(source, "Copy_");

    /// <summary>Writes values into this tensor's storage, through its strides (so writing into a view changes the base).</summary>
    private Tensor Assign(Tensor values, string op)
    {
        if (Autograd.IsEnabled && RequiresGrad)
            throw new InvalidOperationException($"{op}: in-place change of a tensor that requires grad would corrupt the gradient; do it inside `using (Autograd.NoGrad())` (as optimizers do) or on a Detach()ed copy.");
        Tensor v;
        using (Autograd.NoGrad()) v = Elementwise.Operand(values, ShapeArray, DType);
        if (IsContiguous)
        {
            Array.Copy(v.Data, v.Offset, Data, Offset, NumEl);
            return this;
        }
        var positions = StridedCopy.Offsets(Offset, ShapeArray, StridesArray);
        for (int i = 0; i < positions.Length; i++) Data.SetValue(v.Data.GetValue(v.Offset + i), positions[i]);
        return this;
    }
}
