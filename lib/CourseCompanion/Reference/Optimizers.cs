using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// Base of the exercises' optimizers: a subclass computes the plain step, and a regularizer, when added,
/// shrinks the OLD weights by η·∇R(w): w' = step(w, g) − η·∇R(w) (the exercises' order, which their known values pin down).
/// </summary>
public abstract class OptimizerBase(double learningRate) : IOptimizer
{
    /// <summary>η.</summary>
    public double LearningRate { get; } = learningRate;

    /// <inheritdoc/>
    public IRegularizer? Regularizer { get; set; }

    /// <summary>Adds a regularizer (the exercises' <c>add_regularizer</c>).</summary>
    public void AddRegularizer(IRegularizer regularizer) => Regularizer = regularizer;

    /// <inheritdoc/>
    public Tensor CalculateUpdate(Tensor weights, Tensor gradient)
    {
        var w = weights.Double();
        var g = gradient.Double();
        var updated = Step(w, g);
        return Regularizer is null ? updated : updated - LearningRate * Regularizer.CalculateGradient(w);
    }

    /// <summary>The optimizer's own step, without regularization.</summary>
    protected abstract Tensor Step(Tensor weights, Tensor gradient);

    /// <inheritdoc/>
    public abstract IOptimizer Copy();
}

/// <summary>Stochastic gradient descent: w' = w − η·g.</summary>
public sealed class Sgd(double learningRate) : OptimizerBase(learningRate)
{
    /// <inheritdoc/>
    protected override Tensor Step(Tensor w, Tensor g) => w - LearningRate * g;

    /// <inheritdoc/>
    public override IOptimizer Copy() => new Sgd(LearningRate) { Regularizer = Regularizer };
}

/// <summary>SGD with momentum as the lecture writes it: v = μ·v − η·g, w' = w + v (v starts at 0).</summary>
public sealed class SgdWithMomentum(double learningRate, double momentumRate) : OptimizerBase(learningRate)
{
    private Tensor? _v;

    /// <summary>μ.</summary>
    public double MomentumRate { get; } = momentumRate;

    /// <inheritdoc/>
    protected override Tensor Step(Tensor w, Tensor g)
    {
        _v = (_v is null ? -LearningRate * g : MomentumRate * _v - LearningRate * g);
        return w + _v;
    }

    /// <inheritdoc/>
    public override IOptimizer Copy() => new SgdWithMomentum(LearningRate, MomentumRate) { Regularizer = Regularizer };
}

/// <summary>
/// Adam with the exercises' names: v = μ·v + (1 − μ)·g, r = ρ·r + (1 − ρ)·g², bias correction with the step count k,
/// w' = w − η·v̂ / (√r̂ + ε). ε = 1e-8 (the exercises leave it to the student; the known values do not depend on it).
/// </summary>
public sealed class Adam(double learningRate, double mu, double rho, double epsilon = 1e-8) : OptimizerBase(learningRate)
{
    private Tensor? _v, _r;
    private int _k;

    /// <summary>μ (β₁).</summary>
    public double Mu { get; } = mu;

    /// <summary>ρ (β₂).</summary>
    public double Rho { get; } = rho;

    /// <summary>ε.</summary>
    public double Epsilon { get; } = epsilon;

    /// <inheritdoc/>
    protected override Tensor Step(Tensor w, Tensor g)
    {
        _k++;
        _v = Mu * (_v ?? Tensor.ZerosLike(g)) + (1 - Mu) * g;
        _r = Rho * (_r ?? Tensor.ZerosLike(g)) + (1 - Rho) * g * g;
        var vHat = _v / (1 - Math.Pow(Mu, _k));
        var rHat = _r / (1 - Math.Pow(Rho, _k));
        return w - LearningRate * vHat / (rHat.Sqrt() + Epsilon);
    }

    /// <inheritdoc/>
    public override IOptimizer Copy() => new Adam(LearningRate, Mu, Rho, Epsilon) { Regularizer = Regularizer };
}
