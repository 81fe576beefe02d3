using System.Text;
using CourseCompanion.Tensors;

namespace CourseCompanion.Metrics;

/// <summary>
/// Counts of (true class, predicted class) pairs: row = true class, column = predicted class, as in scikit-learn.
/// Per-class precision, recall and F1 follow from it; a class that is never predicted (or never present) gets precision (recall) 0, as scikit-learn reports by default.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    /// <summary>
    /// Tallies predictions (class scores [N, C], whose argmax is taken, or predicted labels [N]) against true labels [N] (int64).
    /// The number of classes defaults to the largest label or prediction plus one.
    /// </summary>
    public ConfusionMatrix(Tensor predictions, Tensor labels, int? numClasses = null)
    {
        var predicted = Predictions.Classes(predictions, "ConfusionMatrix");
        var truth = Predictions.Labels(labels, "ConfusionMatrix");
        Predictions.SameCount(predicted.Length, truth.Length, "ConfusionMatrix");
        NumClasses = numClasses ?? (int)Math.Max(predicted.Max(), truth.Max()) + 1;
        _counts = new long[NumClasses, NumClasses];
        for (int i = 0; i < truth.Length; i++)
        {
            if (truth[i] < 0 || truth[i] >= NumClasses || predicted[i] < 0 || predicted[i] >= NumClasses)
                throw new ArgumentException($"ConfusionMatrix: example {i} has label {truth[i]} and prediction {predicted[i]}, outside 0…{NumClasses - 1}.");
            _counts[truth[i], predicted[i]]++;
        }
    }

    /// <summary>Number of classes (rows and columns).</summary>
    public int NumClasses { get; }

    /// <summary>How many examples of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    public long this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>The counts as an int64 tensor [C, C] (rows: true class).</summary>
    public Tensor ToTensor() => Tensor.FromArray(_counts.Cast<long>().ToArray(), NumClasses, NumClasses);

    /// <summary>Fraction of examples on the diagonal.</summary>
    public double Accuracy => Enumerable.Range(0, NumClasses).Sum(k => _counts[k, k]) / (double)_counts.Cast<long>().Sum();

    /// <summary>Per class k: TP / (TP + FP), the fraction of predictions of k that are right (column k).</summary>
    public double[] Precision() => PerClass(k => Enumerable.Range(0, NumClasses).Sum(i => _counts[i, k]));

    /// <summary>Per class k: TP / (TP + FN), the fraction of examples of k that are found (row k).</summary>
    public double[] Recall() => PerClass(k => Enumerable.Range(0, NumClasses).Sum(j => _counts[k, j]));

    /// <summary>
    /// Per class: F1 = 2·precision·recall / (precision + recall), the harmonic mean of the two (0 when both are 0).
    /// This is the standard definition (scikit-learn's <c>f1_score</c>); the formula printed on the lecture slides is wrong, use this one.
    /// </summary>
    public double[] F1() => Precision().Zip(Recall(), (p, r) => p + r == 0 ? 0 : 2 * p * r / (p + r)).ToArray();

    /// <summary>Unweighted mean of the per-class precisions.</summary>
    public double MacroPrecision => Precision().Average();

    /// <summary>Unweighted mean of the per-class recalls.</summary>
    public double MacroRecall => Recall().Average();

    /// <summary>Unweighted mean of the per-class F1 scores (scikit-learn's <c>average='macro'</c>; not the F1 of the macro precision and recall).</summary>
    public double MacroF1 => F1().Average();

    private double[] PerClass(Func<int, long> denominator) =>
        Enumerable.Range(0, NumClasses).Select(k => denominator(k) is var d && d == 0 ? 0 : _counts[k, k] / (double)d).ToArray();

    /// <summary>The matrix as a text table, true classes down, predicted across.</summary>
    public override string ToString()
    {
        int width = Math.Max(4, _counts.Cast<long>().Max().ToString().Length + 1);
        var text = new StringBuilder("true\\pred".PadRight(10));
        for (int j = 0; j < NumClasses; j++) text.Append(j.ToString().PadLeft(width));
        for (int i = 0; i < NumClasses; i++)
        {
            text.AppendLine().Append(i.ToString().PadRight(10));
            for (int j = 0; j < NumClasses; j++) text.Append(_counts[i, j].ToString().PadLeft(width));
        }
        return text.ToString();
    }
}
