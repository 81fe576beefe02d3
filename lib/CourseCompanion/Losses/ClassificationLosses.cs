using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>
/// Negative log-likelihood of class indices given log-probabilities [N, C] (or [N, C, d…]):
/// −w_y·log p_y, averaged with the weights of the targets as PyTorch does.
/// </summary>
public sealed class NllLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => ClassLoss.Nll(input, target, weight, Reduction, GetType().Name);
}

/// <summary>
/// Cross-entropy of logits [N, C] (or [N, C, d…]) against class indices: log-softmax then NLL, computed stably.
/// Optional class weights and label smoothing ε (the target becomes (1 − ε)·one-hot + ε/C), as <c>torch.nn.CrossEntropyLoss</c>.
/// </summary>
public sealed class CrossEntropyLoss(Tensor? weight = null, double labelSmoothing = 0, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        var logp = input.LogSoftmax(1);
        var nll = ClassLoss.Nll(logp, target, weight, Reduction, GetType().Name);
        if (labelSmoothing == 0) return nll;
        int classes = input.Size(1);
        var weighted = weight is null ? logp : logp * ClassLoss.Broadcast(weight, input.Dim);
        var smooth = -weighted.Sum(1); // per position: −Σ_c w_c log p_c
        var denominator = weight is null ? null : ClassLoss.TargetWeights(weight, target).Sum();
        var reduced = Reduction switch
        {
            Reduction.Mean => denominator is null ? smooth.Mean() : smooth.Sum() / denominator,
            Reduction.Sum => smooth.Sum(),
            _ => smooth,
        };
        return nll * (1 - labelSmoothing) + reduced * (labelSmoothing / classes);
    }
}

/// <summary>Binary cross-entropy −[y log p + (1 − y) log(1 − p)] of probabilities p; logs clamped at −100 as PyTorch does.</summary>
public sealed class BceLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var losses = -(target * input.Log().ClampMin(-100) + (1 - target) * (1 - input).Log().ClampMin(-100));
        return Reduce(weight is null ? losses : losses * weight);
    }
}

/// <summary>
/// Binary cross-entropy on logits, stable for large |x|: max(x, 0) − x·y + log(1 + e^(−|x|)); posWeight scales the positive term.
/// </summary>
public sealed class BceWithLogitsLoss(Tensor? posWeight = null, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        // −[p·y·log σ(x) + (1 − y)·log(1 − σ(x))] with log σ(x) = −softplus(−x), log(1 − σ(x)) = −softplus(x)
        var logSigmoid = -(-input).Softplus();
        var logOneMinus = -input.Softplus();
        var positive = posWeight is null ? target : target * posWeight;
        return Reduce(-(positive * logSigmoid + (1 - target) * logOneMinus));
    }
}

/// <summary>
/// Multi-class hinge loss (Weston–Watkins SVM), as <c>torch.nn.MultiMarginLoss</c>:
/// Σ_{j≠y} max(0, margin − x_y + x_j) / C per sample. PyTorch divides by the number of classes C; the SVM
/// textbook form Σ_{j≠y} max(0, 1 + s_j − s_y) is this value times C.
/// </summary>
public sealed class MultiMarginLoss(double margin = 1.0, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        int classes = input.Size(1);
        var correct = input.Gather(1, target.Unsqueeze(1));
        var hinge = (input - correct + margin).ClampMin(0);
        var notTarget = Tensor.OneHot(target, classes).Eq(0);
        return Reduce((hinge * notTarget.To(input.DType)).Sum(1) / classes);
    }
}

/// <summary>
/// KL divergence KL(target ‖ q) = Σ target·(log target − input) with <paramref name="input"/> given as log-probabilities,
/// as <c>torch.nn.KLDivLoss</c>; BatchMean divides the sum by the batch size (the mathematically correct mean).
/// </summary>
public sealed class KlDivLoss(bool batchMean = true, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target)
    {
        RequireSameShape(input, target);
        var safeLog = Tensor.Where(target.Gt(0), target, Tensor.OnesLike(target)).Log(); // 0·log 0 = 0
        var pointwise = target * (safeLog - input);
        return batchMean && Reduction == Reduction.Mean ? pointwise.Sum() / input.Size(0) : Reduce(pointwise);
    }
}
