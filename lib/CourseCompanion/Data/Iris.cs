namespace CourseCompanion.Data;

/// <summary>
/// Fisher's Iris data (1936, via UCI and scikit-learn): 150 flowers, 4 measurements in cm, 3 species with 50 each.
/// Inputs float32 [150, 4], targets int64 in 0…2.
/// </summary>
public static class Iris
{
    /// <summary>The species, indexed by label.</summary>
    public static readonly IReadOnlyList<string> ClassNames = ["setosa", "versicolor", "virginica"];

    /// <summary>The four features, in column order.</summary>
    public static readonly IReadOnlyList<string> FeatureNames = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

    /// <summary>Loads the committed copy of scikit-learn's <c>iris.csv</c>.</summary>
    public static TensorDataset Load() => SklearnCsv.Load(Path.Combine(DataFiles.Directory("iris"), "iris.csv"), features: 4, headerLines: 1);
}
