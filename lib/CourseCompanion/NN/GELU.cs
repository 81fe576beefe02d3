using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>GELU(x) = x·Φ(x) (Φ the standard normal CDF), or its tanh approximation, as <c>nn.GELU</c>.</summary>
public sealed class GELU(GeluApproximate approximate = GeluApproximate.None) : Module
{
    /// <summary>Exact (erf) or tanh approximation.</summary>
    public GeluApproximate Approximate { get; } = approximate;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Gelu(Approximate);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"approximate='{(Approximate == GeluApproximate.Tanh ? "tanh" : "none")}'";
}
