using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>L2 ("weight decay") as the exercises define it: Norm = α·Σw², CalculateGradient = α·w (no factor 2: the exercises fold it into α).</summary>
public sealed class L2Regularizer(double alpha) : IRegularizer
{
    /// <summary>α.</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public Tensor CalculateGradient(Tensor weights) => Alpha * weights.Double();

    /// <inheritdoc/>
    public double Norm(Tensor weights) => Alpha * weights.Double().Square().Sum().Item();
}

/// <summary>L1 as the exercises define it: Norm = α·Σ|w|, CalculateGradient = α·sign(w) with sign(0) = 0.</summary>
public sealed class L1Regularizer(double alpha) : IRegularizer
{
    /// <summary>α.</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public Tensor CalculateGradient(Tensor weights) => Alpha * weights.Double().Sign();

    /// <inheritdoc/>
    public double Norm(Tensor weights) => Alpha * weights.Double().Abs().Sum().Item();
}
