using CourseCompanion.Tensors;

namespace CourseCompanion.Classical;

/// <summary>Converts feature tensors [N, F] and label tensors [N] into the arrays the classical learners work on.</summary>
internal static class FeatureTable
{
    public static double[][] Rows(Tensor x, string who)
    {
        if (x.Dim != 2) throw new ArgumentException($"{who}: features must be [N, F], got [{string.Join(", ", x.Shape)}].");
        var flat = x.Double().Contiguous().ToArray<double>();
        int n = x.Size(0), d = x.Size(1);
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * d, d).ToArray()).ToArray();
    }

    public static int[] Labels(Tensor y, int n, string who)
    {
        var labels = y.Long().Contiguous().ToArray<long>();
        if (labels.Length != n) throw new ArgumentException($"{who}: {n} samples but {labels.Length} labels.");
        if (labels.Any(v => v < 0)) throw new ArgumentException($"{who}: labels must be class indices 0, 1, ….");
        return labels.Select(v => (int)v).ToArray();
    }
}
