using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Inverted dropout, as <c>nn.Dropout(p)</c>: in training mode each element is zeroed with probability p and the rest are
/// scaled by 1/(1 − p); in evaluation mode (<see cref="Module.Eval"/>) it is the identity. p is the <em>drop</em>
/// probability, as in PyTorch (the FAU exercises' Dropout takes the keep probability 1 − p).
/// </summary>
public sealed class Dropout : Module
{
    private readonly Generator? _generator;

    /// <summary>The drop probability.</summary>
    public double P { get; }

    /// <summary>A dropout layer drawing its masks from <paramref name="generator"/> (the default generator when null).</summary>
    public Dropout(double p = 0.5, Generator? generator = null)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "Dropout: p (the drop probability) must lie in [0, 1].");
        P = p;
        _generator = generator;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Dropout(P, Training, _generator);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={PythonRepr.Float(P)}, inplace=False";
}
