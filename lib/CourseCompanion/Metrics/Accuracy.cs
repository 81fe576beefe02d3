using CourseCompanion.Tensors;

namespace CourseCompanion.Metrics;

/// <summary>The fraction of examples classified correctly.</summary>
public static class Accuracy
{
    /// <summary>
    /// Accuracy of <paramref name="predictions"/> (class scores [N, C] such as logits or probabilities, whose argmax is the prediction,
    /// or predicted labels [N]) against true <paramref name="labels"/> [N] (int64).
    /// </summary>
    public static double Of(Tensor predictions, Tensor labels)
    {
        var predicted = Predictions.Classes(predictions, "Accuracy");
        var truth = Predictions.Labels(labels, "Accuracy");
        Predictions.SameCount(predicted.Length, truth.Length, "Accuracy");
        return predicted.Zip(truth).Count(p => p.First == p.Second) / (double)truth.Length;
    }

    /// <summary>
    /// Top-k accuracy: the fraction of examples whose true class is among the k highest of its scores [N, C].
    /// Ties are counted in the example's favour: correct when fewer than k classes score strictly higher than the true class.
    /// </summary>
    public static double TopK(Tensor scores, Tensor labels, int k)
    {
        var rows = Predictions.Scores(scores, "TopK");
        var truth = Predictions.Labels(labels, "TopK");
        Predictions.SameCount(rows.Length, truth.Length, "TopK");
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "TopK: k must be at least 1.");
        int hits = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (truth[i] < 0 || truth[i] >= row.Length)
                throw new ArgumentException($"TopK: label {truth[i]} of example {i} is outside 0…{row.Length - 1}.");
            double own = row[truth[i]];
            if (row.Count(s => s > own) < k) hits++;
        }
        return hits / (double)rows.Length;
    }
}
