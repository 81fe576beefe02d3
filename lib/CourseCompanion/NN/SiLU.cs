using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>SiLU (swish) x·σ(x), as <c>nn.SiLU</c>.</summary>
public sealed class SiLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Silu();
}
