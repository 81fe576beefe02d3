using CourseCompanion.Tensors;

namespace CourseCompanion.Metrics;

/// <summary>
/// The receiver operating characteristic of a binary scorer: for every distinct score used as threshold (predict positive when score ≥ threshold),
/// the false positive rate FP / N and true positive rate TP / P, from (0, 0) at threshold +∞ to (1, 1).
/// Tied scores move both rates at once (a diagonal step), so <see cref="Auc"/> counts a tied positive–negative pair as one half,
/// as scikit-learn's <c>roc_auc_score</c> does. Unlike <c>roc_curve</c>'s default, collinear points are kept.
/// </summary>
public sealed class RocCurve
{
    private RocCurve(double[] fpr, double[] tpr, double[] thresholds)
    {
        FalsePositiveRate = fpr;
        TruePositiveRate = tpr;
        Thresholds = thresholds;
    }

    /// <summary>FP / N at each threshold, ascending from 0 to 1.</summary>
    public IReadOnlyList<double> FalsePositiveRate { get; }

    /// <summary>TP / P at each threshold, ascending from 0 to 1.</summary>
    public IReadOnlyList<double> TruePositiveRate { get; }

    /// <summary>The thresholds, descending; the first is +∞ (nothing predicted positive).</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Area under the curve by the trapezoid rule: the probability that a random positive scores above a random negative (ties count ½).</summary>
    public double Auc
    {
        get
        {
            double area = 0;
            for (int i = 1; i < FalsePositiveRate.Count; i++)
                area += (FalsePositiveRate[i] - FalsePositiveRate[i - 1]) * (TruePositiveRate[i] + TruePositiveRate[i - 1]) / 2;
            return area;
        }
    }

    /// <summary>
    /// The curve for <paramref name="scores"/> (1-D: any score that grows with the positive class, e.g. a probability or a logit;
    /// [N, C]: logits, whose softmax probability of <paramref name="positiveClass"/> is used) against int64 <paramref name="labels"/>,
    /// where label == <paramref name="positiveClass"/> is positive and every other label negative. Both kinds must occur.
    /// </summary>
    public static RocCurve From(Tensor scores, Tensor labels, int positiveClass = 1)
    {
        var truth = Predictions.Labels(labels, "RocCurve");
        var score = scores.Dim == 1 ? OneDimensional(scores) : Predictions.Scores(scores, "RocCurve").Select(row => SoftmaxAt(row, positiveClass)).ToArray();
        Predictions.SameCount(score.Length, truth.Length, "RocCurve");
        int positives = truth.Count(l => l == positiveClass), negatives = truth.Length - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException($"RocCurve: need positive and negative examples, got {positives} of class {positiveClass} and {negatives} others.");

        var order = Enumerable.Range(0, score.Length).OrderByDescending(i => score[i]).ToArray();
        List<double> fpr = [0], tpr = [0], thresholds = [double.PositiveInfinity];
        long tp = 0, fp = 0;
        for (int k = 0; k < order.Length; k++)
        {
            if (truth[order[k]] == positiveClass) tp++; else fp++;
            if (k + 1 < order.Length && score[order[k + 1]] == score[order[k]]) continue; // finish the group of tied scores first
            fpr.Add(fp / (double)negatives);
            tpr.Add(tp / (double)positives);
            thresholds.Add(score[order[k]]);
        }
        return new RocCurve(fpr.ToArray(), tpr.ToArray(), thresholds.ToArray());
    }

    private static double[] OneDimensional(Tensor scores)
    {
        if (!scores.DType.IsFloatingPoint()) throw new ArgumentException($"RocCurve: scores must be floating point, got {scores.DType.TorchName()}.");
        return scores.ToArray<double>();
    }

    private static double SoftmaxAt(double[] logits, int k)
    {
        if (k < 0 || k >= logits.Length) throw new ArgumentOutOfRangeException(nameof(k), k, $"RocCurve: positive class {k} is outside 0…{logits.Length - 1}.");
        double max = logits.Max();
        return Math.Exp(logits[k] - max) / logits.Sum(z => Math.Exp(z - max));
    }
}
