using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>LeakyReLU(x) = x for x &gt; 0, else α·x (α = negativeSlope), as <c>nn.LeakyReLU</c>.</summary>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module
{
    /// <summary>The slope α for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"negative_slope={PythonRepr.Float(NegativeSlope)}";
}
