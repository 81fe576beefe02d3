using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>softmax(x)ᵢ = exp(xᵢ)/Σⱼ exp(xⱼ) along <c>dim</c>, as <c>nn.Softmax(dim)</c>.</summary>
public sealed class Softmax(int dim) : Module
{
    /// <summary>The dimension that sums to one.</summary>
    public int Dim { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Softmax(Dim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture, $"dim={Dim}");
}
