using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Softplus(x) = (1/β)·ln(1 + e^(βx)), linear where βx &gt; threshold, as <c>nn.Softplus</c>.</summary>
public sealed class Softplus(double beta = 1, double threshold = 20) : Module
{
    /// <summary>Sharpness β.</summary>
    public double Beta { get; } = beta;

    /// <summary>Above βx &gt; threshold the output is x.</summary>
    public double Threshold { get; } = threshold;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Softplus(Beta, Threshold);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"beta={PythonRepr.Number(Beta)}, threshold={PythonRepr.Number(Threshold)}";
}
