using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>tanh x element-wise, as <c>nn.Tanh</c>.</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Tanh();
}
