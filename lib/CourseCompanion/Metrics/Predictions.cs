using CourseCompanion.Tensors;

namespace CourseCompanion.Metrics;

/// <summary>Reads metric inputs: class scores [N, C] (logits or probabilities), predicted or true labels [N] (int64).</summary>
internal static class Predictions
{
    /// <summary>Integer labels from a 1-D int64 tensor.</summary>
    public static long[] Labels(Tensor labels, string op)
    {
        if (labels.Dim != 1 || labels.DType != DType.Int64)
            throw new ArgumentException($"{op}: labels must be a 1-D int64 tensor, got {labels.DType.TorchName()} [{string.Join(", ", labels.Shape)}].");
        return labels.ToArray<long>();
    }

    /// <summary>Class scores [N, C] as rows of doubles.</summary>
    public static double[][] Scores(Tensor scores, string op)
    {
        if (scores.Dim != 2 || !scores.DType.IsFloatingPoint())
            throw new ArgumentException($"{op}: scores must be a floating-point tensor [N, C], got {scores.DType.TorchName()} [{string.Join(", ", scores.Shape)}].");
        var flat = scores.ToArray<double>();
        int c = scores.Size(1);
        return Enumerable.Range(0, scores.Size(0)).Select(i => flat.AsSpan(i * c, c).ToArray()).ToArray();
    }

    /// <summary>Predicted classes: the argmax of each row of scores [N, C] (first maximum on ties, as <c>torch.argmax</c>), or int64 labels [N] as they are.</summary>
    public static long[] Classes(Tensor predictions, string op)
    {
        if (predictions.Dim == 1) return Labels(predictions, op);
        return Scores(predictions, op).Select(row =>
        {
            int best = 0;
            for (int k = 1; k < row.Length; k++) if (row[k] > row[best]) best = k;
            return (long)best;
        }).ToArray();
    }

    /// <summary>Checks that predictions and labels describe the same number of examples, at least one.</summary>
    public static void SameCount(int predictions, int labels, string op)
    {
        if (predictions != labels || labels == 0)
            throw new ArgumentException($"{op}: {predictions} predictions for {labels} labels; need the same, non-zero number.");
    }
}
