using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>ReLU(x) = max(0, x) element-wise, as <c>nn.ReLU</c>.</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}
