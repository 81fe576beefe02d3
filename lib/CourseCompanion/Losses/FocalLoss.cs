using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>
/// Focal loss (Lin et al. 2017, RetinaNet): FL = −α_t·(1 − p_t)^γ·log p_t, which down-weights easy examples.
/// Binary mode takes logits and 0/1 targets of the same shape (α weights positives, 1 − α negatives, as
/// torchvision's sigmoid_focal_loss); multi-class mode takes logits [N, C] and class indices, with α per class
/// or one α for all. γ = 0 and α = null give plain cross-entropy. For one-hot targets, |t − p|^γ = (1 − p_t)^γ.
/// </summary>
public sealed class FocalLoss(double gamma = 2.0, double? alpha = 0.25, Tensor? classAlpha = null, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        target.DType == DType.Int64 && input.Dim == target.Dim + 1 ? MultiClass(input, target) : Binary(input, target);

    private Tensor Binary(Tensor logits, Tensor target)
    {
        RequireSameShape(logits, target);
        var p = logits.Sigmoid();
        var ce = new BceWithLogitsLoss(reduction: Reduction.None).Forward(logits, target);
        var pt = p * target + (1 - p) * (1 - target);
        var loss = ce * (1 - pt).Pow(gamma);
        if (alpha is double a) loss = loss * (target * a + (1 - target) * (1 - a));
        return Reduce(loss);
    }

    private Tensor MultiClass(Tensor logits, Tensor target)
    {
        var logpt = logits.LogSoftmax(1).Gather(1, target.Unsqueeze(1)).Squeeze(1);
        var loss = -(1 - logpt.Exp()).Pow(gamma) * logpt;
        if (classAlpha is not null) loss = loss * ClassLoss.TargetWeights(classAlpha, target);
        else if (alpha is double a) loss = loss * a;
        return Reduce(loss);
    }
}
