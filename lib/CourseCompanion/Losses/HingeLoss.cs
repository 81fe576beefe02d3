using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>
/// Binary hinge loss max(0, 1 − y·ŷ) for labels y ∈ {−1, +1} and raw scores ŷ: the convex surrogate of the 0-1 loss
/// that a soft-margin SVM minimises. Zero once a sample is on the right side with margin y·ŷ ≥ 1.
/// Its (sub)gradient with respect to ŷ is −y where y·ŷ &lt; 1 and 0 beyond (autograd picks 0 at the kink).
/// </summary>
public sealed class HingeLoss(double margin = 1.0, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        return Reduce((margin - target * input).ClampMin(0));
    }
}

/// <summary>
/// Squared hinge loss max(0, 1 − y·ŷ)² (Tang 2013, "Deep learning using linear SVMs"): differentiable at the margin,
/// and a stronger penalty than the hinge for samples far on the wrong side.
/// </summary>
public sealed class SquaredHingeLoss(double margin = 1.0, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var hinge = (margin - target * input).ClampMin(0);
        return Reduce(hinge * hinge);
    }
}
