using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>σ(x) = 1/(1 + e⁻ˣ) element-wise, as <c>nn.Sigmoid</c>.</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}
