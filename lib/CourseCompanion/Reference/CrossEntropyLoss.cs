using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' cross-entropy on probabilities (after SoftMax) with one-hot labels:
/// L = −Σ_batch ln(ŷ_k + ε) at the true class k (a SUM over the batch, not a mean), ε = machine epsilon 2.22e-16;
/// backward: E = −y / (ŷ + ε).
/// </summary>
public sealed class CrossEntropyLoss : ILossLayer
{
    /// <summary>ε = <c>np.finfo(float).eps</c>, so ln(0 + ε) stays finite.</summary>
    public const double Epsilon = 2.220446049250313e-16;

    private Tensor? _prediction;

    /// <inheritdoc/>
    public double Forward(Tensor prediction, Tensor label)
    {
        using var _ = Autograd.NoGrad();
        _prediction = prediction.Double();
        return -(label.Double() * (_prediction + Epsilon).Log()).Sum().Item();
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor label)
    {
        using var _ = Autograd.NoGrad();
        return -label.Double() / ((_prediction ?? throw new InvalidOperationException("CrossEntropyLoss.Backward: call Forward first.")) + Epsilon);
    }
}

/// <summary>The L2 loss the exercises' gradient checks use: L = Σ(ŷ − y)², backward 2(ŷ − y).</summary>
public sealed class L2Loss : ILossLayer
{
    private Tensor? _prediction;

    /// <inheritdoc/>
    public double Forward(Tensor prediction, Tensor label)
    {
        using var _ = Autograd.NoGrad();
        _prediction = prediction.Double();
        return (_prediction - label.Double()).Square().Sum().Item();
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor label)
    {
        using var _ = Autograd.NoGrad();
        return 2 * ((_prediction ?? throw new InvalidOperationException("L2Loss.Backward: call Forward first.")) - label.Double());
    }
}
