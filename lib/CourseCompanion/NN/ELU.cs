using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>ELU(x) = x for x &gt; 0, else α(eˣ − 1), as <c>nn.ELU</c>.</summary>
public sealed class ELU(double alpha = 1.0) : Module
{
    /// <summary>The saturation value −α for large negative inputs.</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Elu(Alpha);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"alpha={PythonRepr.Float(Alpha)}";
}
