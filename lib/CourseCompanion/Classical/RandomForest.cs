using CourseCompanion.Tensors;

namespace CourseCompanion.Classical;

/// <summary>
/// An ensemble of <see cref="DecisionTree"/>s that vote. Bagging (bootstrap aggregating) trains each tree on a bootstrap
/// sample (N draws with replacement); a random forest also lets each node consider only <c>maxFeatures</c> random
/// features (√F is the usual choice), which decorrelates the trees further. <c>maxFeatures: null</c> gives plain bagging.
/// </summary>
public sealed class RandomForest
{
    private readonly DecisionTree[] trees;
    private readonly bool bootstrap;
    private readonly Generator generator;
    private int classes;

    /// <summary>A forest of <paramref name="trees"/> trees; see the class summary for <paramref name="maxFeatures"/> and <paramref name="bootstrap"/>.</summary>
    public RandomForest(int trees = 25, int? maxFeatures = null, int maxDepth = 32, bool bootstrap = true, Generator? generator = null)
    {
        if (trees < 1) throw new ArgumentOutOfRangeException(nameof(trees), trees, "RandomForest: need at least one tree.");
        this.generator = generator ?? Generator.Default;
        this.bootstrap = bootstrap;
        this.trees = Enumerable.Range(0, trees).Select(_ => new DecisionTree(maxDepth, maxFeatures: maxFeatures, generator: this.generator)).ToArray();
    }

    /// <summary>The fitted trees.</summary>
    public IReadOnlyList<DecisionTree> Trees => trees;

    /// <summary>Fits every tree on features <paramref name="x"/> [N, F] and class labels <paramref name="y"/> [N].</summary>
    public RandomForest Fit(Tensor x, Tensor y)
    {
        var rows = FeatureTable.Rows(x, "RandomForest");
        var labels = FeatureTable.Labels(y, rows.Length, "RandomForest");
        classes = labels.Length == 0 ? 1 : labels.Max() + 1;
        foreach (var tree in trees)
        {
            int[]? sample = bootstrap ? Enumerable.Range(0, rows.Length).Select(_ => (int)generator.NextInt64(rows.Length)).ToArray() : null;
            tree.Fit(rows, labels, sample);
        }
        return this;
    }

    /// <summary>Majority vote of the trees (ties go to the smaller class index), int64 [N].</summary>
    public Tensor Predict(Tensor x)
    {
        var rows = FeatureTable.Rows(x, "RandomForest");
        var votes = new int[rows.Length, classes];
        foreach (var tree in trees)
        {
            var predicted = tree.PredictRows(rows);
            for (int i = 0; i < rows.Length; i++)
                if (predicted[i] < classes) votes[i, predicted[i]]++;
        }
        var result = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++)
            for (int c = 1; c < classes; c++)
                if (votes[i, c] > votes[i, result[i]]) result[i] = c;
        return Tensor.FromArray(result);
    }

    /// <inheritdoc/>
    public override string ToString() => $"RandomForest(trees = {trees.Length}, bootstrap = {bootstrap})";
}
