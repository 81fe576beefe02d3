using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// Norm penalties to add to a loss. Convention: L2 returns λ·Σw² (gradient 2λw); optimizers' weightDecay
/// adds λw to the gradient, which equals the penalty (λ/2)·Σw². The lecture's (1 − ηλ) shrinkage uses the latter.
/// </summary>
public static class Penalties
{
    /// <summary>λ·Σ|w| over all parameters (drives weights to exactly zero: sparsity).</summary>
    public static Tensor L1(IEnumerable<Tensor> parameters, double lambda) =>
        parameters.Select(p => p.Abs().Sum()).Aggregate((a, b) => a + b) * lambda;

    /// <summary>λ·Σw² over all parameters (shrinks weights proportionally).</summary>
    public static Tensor L2(IEnumerable<Tensor> parameters, double lambda) =>
        parameters.Select(p => (p * p).Sum()).Aggregate((a, b) => a + b) * lambda;
}
