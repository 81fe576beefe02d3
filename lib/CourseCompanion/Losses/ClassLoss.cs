using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>Shared pieces of the class-index losses: target checks, the weighted NLL, and class-weight broadcasting.</summary>
internal static class ClassLoss
{
    /// <summary>−w_y·log p_y for log-probabilities [N, C, d…] and int64 targets [N, d…], reduced as PyTorch does.</summary>
    public static Tensor Nll(Tensor logp, Tensor target, Tensor? weight, Reduction reduction, string op)
    {
        if (target.DType != DType.Int64)
            throw new ArgumentException($"{op}: targets must be int64 class indices, got {target.DType.TorchName()}; for one-hot or probability targets use KlDivLoss or a soft-target cross-entropy.");
        if (logp.Dim < 2 || target.Dim != logp.Dim - 1)
            throw new ArgumentException($"{op}: input [{string.Join(", ", logp.Shape)}] needs shape [N, C, …] with targets [N, …], got targets [{string.Join(", ", target.Shape)}].");
        var picked = -logp.Gather(1, target.Unsqueeze(1)).Squeeze(1);
        if (weight is null)
            return reduction switch { Reduction.Mean => picked.Mean(), Reduction.Sum => picked.Sum(), _ => picked };
        var w = TargetWeights(weight, target);
        var weighted = picked * w;
        return reduction switch { Reduction.Mean => weighted.Sum() / w.Sum(), Reduction.Sum => weighted.Sum(), _ => weighted };
    }

    /// <summary>w_{y_i} for every target position.</summary>
    public static Tensor TargetWeights(Tensor weight, Tensor target) => weight.IndexSelect(0, target.Reshape(-1)).Reshape(target.Shape);

    /// <summary>Class weights [C] shaped to broadcast over [N, C, d…].</summary>
    public static Tensor Broadcast(Tensor weight, int rank)
    {
        var shape = Enumerable.Repeat(1, rank).ToArray();
        shape[1] = weight.NumEl;
        return weight.Reshape(shape);
    }
}
