using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>Mean squared error (x − y)²: the negative log-likelihood of a Gaussian with fixed variance, up to constants.</summary>
public sealed class MseLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var d = input - target;
        return Reduce(d * d);
    }
}

/// <summary>Mean absolute error |x − y|: the negative log-likelihood of a Laplace distribution, robust to outliers.</summary>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        return Reduce((input - target).Abs());
    }
}

/// <summary>Huber loss: ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond: quadratic near zero, linear for outliers.</summary>
public sealed class HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var d = input - target;
        var abs = d.Abs();
        return Reduce(Tensor.Where(abs.Le(delta), d * d * 0.5, (abs - 0.5 * delta) * delta));
    }
}
