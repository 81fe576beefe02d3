using CourseCompanion.Tensors;

namespace CourseCompanion.Classical;

/// <summary>
/// A classification tree grown by CART: each node splits on the feature and threshold (x_f ≤ t) that most reduce the
/// Gini impurity G = 1 − Σ_k p_k², weighted by the children's sizes; leaves predict their majority class.
/// With <c>maxFeatures</c> set, each node draws that many candidate features at random (the random-forest variant).
/// </summary>
public sealed class DecisionTree
{
    private readonly int maxDepth, minSamplesSplit;
    private readonly int? maxFeatures;
    private readonly Generator generator;
    private Node? root;
    private int classes;

    /// <summary>A tree of at most <paramref name="maxDepth"/> levels whose nodes split only with at least <paramref name="minSamplesSplit"/> samples.</summary>
    public DecisionTree(int maxDepth = 32, int minSamplesSplit = 2, int? maxFeatures = null, Generator? generator = null)
    {
        if (maxDepth < 0) throw new ArgumentOutOfRangeException(nameof(maxDepth), maxDepth, "DecisionTree: maxDepth must be ≥ 0.");
        if (maxFeatures is < 1) throw new ArgumentOutOfRangeException(nameof(maxFeatures), maxFeatures, "DecisionTree: maxFeatures must be ≥ 1.");
        (this.maxDepth, this.minSamplesSplit, this.maxFeatures) = (maxDepth, Math.Max(2, minSamplesSplit), maxFeatures);
        this.generator = generator ?? Generator.Default;
    }

    /// <summary>Depth of the fitted tree (a single leaf has depth 0).</summary>
    public int Depth { get; private set; }

    /// <summary>Number of leaves of the fitted tree.</summary>
    public int Leaves { get; private set; }

    /// <summary>Grows the tree on features <paramref name="x"/> [N, F] and integer class labels <paramref name="y"/> [N].</summary>
    public DecisionTree Fit(Tensor x, Tensor y) => Fit(FeatureTable.Rows(x, "DecisionTree"), FeatureTable.Labels(y, x.Size(0), "DecisionTree"));

    /// <summary>Predicted class labels (int64 [N]) for <paramref name="x"/> [N, F].</summary>
    public Tensor Predict(Tensor x) => Tensor.FromArray(PredictRows(FeatureTable.Rows(x, "DecisionTree")).Select(c => (long)c).ToArray());

    internal DecisionTree Fit(double[][] rows, int[] labels, int[]? sample = null)
    {
        classes = labels.Length == 0 ? 1 : labels.Max() + 1;
        (Depth, Leaves) = (0, 0);
        root = Grow(rows, labels, sample ?? Enumerable.Range(0, rows.Length).ToArray(), 0);
        return this;
    }

    internal int[] PredictRows(double[][] rows)
    {
        if (root is null) throw new InvalidOperationException("DecisionTree: call Fit before Predict.");
        return rows.Select(r =>
        {
            var node = root;
            while (node.Left is not null) node = r[node.Feature] <= node.Threshold ? node.Left : node.Right!;
            return node.Label;
        }).ToArray();
    }

    private Node Grow(double[][] rows, int[] labels, int[] index, int depth)
    {
        var counts = new int[classes];
        foreach (int i in index) counts[labels[i]]++;
        int majority = Array.IndexOf(counts, counts.Max());
        Depth = Math.Max(Depth, depth);
        if (depth >= maxDepth || index.Length < minSamplesSplit || counts.Count(c => c > 0) <= 1)
            return Leaf(majority);

        var (feature, threshold) = BestSplit(rows, labels, index, counts);
        if (feature < 0) return Leaf(majority);
        var left = index.Where(i => rows[i][feature] <= threshold).ToArray();
        var right = index.Where(i => rows[i][feature] > threshold).ToArray();
        return new Node(majority, feature, threshold, Grow(rows, labels, left, depth + 1), Grow(rows, labels, right, depth + 1));
    }

    private Node Leaf(int label)
    {
        Leaves++;
        return new Node(label, -1, 0, null, null);
    }

    private (int Feature, double Threshold) BestSplit(double[][] rows, int[] labels, int[] index, int[] counts)
    {
        int n = index.Length, features = rows[index[0]].Length;
        double best = Gini(counts, n) * n - 1e-12;
        (int Feature, double Threshold) split = (-1, 0);
        var order = new int[n];
        var values = new double[n];
        var leftCounts = new int[classes];
        var rightCounts = new int[classes];
        foreach (int f in CandidateFeatures(features))
        {
            for (int k = 0; k < n; k++) { order[k] = index[k]; values[k] = rows[index[k]][f]; }
            Array.Sort(values, order);
            Array.Clear(leftCounts);
            Array.Copy(counts, rightCounts, classes);
            for (int k = 0; k < n - 1; k++)
            {
                int c = labels[order[k]];
                leftCounts[c]++;
                rightCounts[c]--;
                if (values[k] == values[k + 1]) continue;
                double impurity = Gini(leftCounts, k + 1) * (k + 1) + Gini(rightCounts, n - k - 1) * (n - k - 1);
                if (impurity < best) (best, split) = (impurity, (f, 0.5 * (values[k] + values[k + 1])));
            }
        }
        return split;
    }

    private IEnumerable<int> CandidateFeatures(int features)
    {
        if (maxFeatures is not int m || m >= features) return Enumerable.Range(0, features);
        var all = Enumerable.Range(0, features).ToArray();
        for (int i = 0; i < m; i++)
        {
            int j = i + (int)generator.NextInt64(features - i);
            (all[i], all[j]) = (all[j], all[i]);
        }
        return all.Take(m);
    }

    private static double Gini(int[] counts, int n)
    {
        if (n == 0) return 0;
        double sum = 0;
        foreach (int c in counts) sum += (double)c * c;
        return 1 - sum / ((double)n * n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"DecisionTree(depth = {Depth}, leaves = {Leaves})";

    private sealed record Node(int Label, int Feature, double Threshold, Node? Left, Node? Right);
}
