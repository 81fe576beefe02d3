using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>
/// Triplet loss for metric learning (Schroff et al. 2015, FaceNet): max(0, α + ‖f_a − f_p‖² − ‖f_a − f_n‖²) per triplet of
/// embeddings [N, D] (anchor, positive of the same identity, negative of another), with SQUARED Euclidean distances.
/// <c>torch.nn.TripletMarginLoss</c> differs: it uses the plain distance ‖·‖ (plus a small ε).
/// </summary>
public sealed class TripletLoss(double margin = 0.2, Reduction reduction = Reduction.Mean)
{
    /// <summary>α, how much closer the positive must be than the negative.</summary>
    public double Margin { get; } = margin;

    /// <summary>How the per-triplet losses are combined.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>The loss of embeddings anchor, positive and negative, each [N, D] (or [D] for one triplet).</summary>
    public Tensor Forward(Tensor anchor, Tensor positive, Tensor negative)
    {
        if (!anchor.Shape.SequenceEqual(positive.Shape) || !anchor.Shape.SequenceEqual(negative.Shape))
            throw new ArgumentException($"TripletLoss: anchor [{string.Join(", ", anchor.Shape)}], positive [{string.Join(", ", positive.Shape)}] and negative [{string.Join(", ", negative.Shape)}] must have the same shape.");
        int dim = anchor.Dim - 1;
        var toPositive = (anchor - positive).Pow(2).Sum(dim);
        var toNegative = (anchor - negative).Pow(2).Sum(dim);
        var losses = (toPositive - toNegative + Margin).ClampMin(0);
        return Reduction switch { Reduction.Mean => losses.Mean(), Reduction.Sum => losses.Sum(), _ => losses };
    }
}
