namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>PyTorch-style text: values (rounded, truncated beyond 1000 elements), shape, dtype and grad info.</summary>
    public override string ToString() => TensorFormatter.Format(this);
}
