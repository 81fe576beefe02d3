using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>SELU(x) = λ·ELU(x; α) with α ≈ 1.6733, λ ≈ 1.0507 (self-normalising, Klambauer et al. 2017), as <c>nn.SELU</c>.</summary>
public sealed class SELU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Selu();
}
