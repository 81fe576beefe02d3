using CourseCompanion.Tensors;

namespace CourseCompanion.Classical;

/// <summary>
/// Rosenblatt's perceptron ŷ = sign(wᵀx) on augmented inputs x = (1, x₁, …, x_n), so w₀ is the bias; labels y ∈ {−1, +1}
/// and sign(0) := +1. Training minimises the perceptron criterion D(w) = −Σ_{xᵢ∈M} yᵢ wᵀxᵢ over the set M of misclassified
/// samples, whose gradient is ∇D(w) = −Σ_{xᵢ∈M} yᵢ xᵢ. Because M changes with every update, training iterates:
/// <see cref="FitOnline"/> updates after each misclassified sample, <see cref="FitBatch"/> after a full pass.
/// </summary>
public sealed class Perceptron
{
    private readonly List<double[]> history = [];

    /// <summary>A perceptron for <paramref name="features"/> inputs, all weights (bias included) zero.</summary>
    public Perceptron(int features)
    {
        if (features < 1) throw new ArgumentOutOfRangeException(nameof(features), features, "Perceptron: need at least one feature.");
        Weights = new double[features + 1];
    }

    /// <summary>The weights (w₀ = bias, w₁ … w_n), changed in place by training.</summary>
    public double[] Weights { get; }

    /// <summary>True when the last fit ended with every training sample classified correctly.</summary>
    public bool Converged { get; private set; }

    /// <summary>Weight updates made by the last fit.</summary>
    public int Updates { get; private set; }

    /// <summary>Passes over the data made by the last fit.</summary>
    public int Epochs { get; private set; }

    /// <summary>The weights after every update of the last fit (the first entry is the starting point).</summary>
    public IReadOnlyList<double[]> History => history;

    /// <summary>Prepends a column of ones to <paramref name="x"/> [N, n], giving [N, n + 1] (the bias input).</summary>
    public static Tensor Augment(Tensor x) => Tensor.Cat([Tensor.Ones([x.Size(0), 1], x.DType), x], dim: 1);

    /// <summary>sign(z) with sign(0) := +1, the convention of the lecture's classifier.</summary>
    public static double Sign(double z) => z >= 0 ? 1 : -1;

    /// <summary>
    /// The perceptron criterion D(w) = −Σ_{i∈M} yᵢ wᵀxᵢ as a differentiable tensor expression, for augmented inputs
    /// <paramref name="x"/> [N, n + 1], labels <paramref name="y"/> [N] in {−1, +1} and weights <paramref name="w"/> [n + 1].
    /// M (where sign(wᵀxᵢ) ≠ yᵢ) is fixed at the current w, so autograd returns −Σ_M yᵢ xᵢ.
    /// </summary>
    public static Tensor Criterion(Tensor w, Tensor x, Tensor y)
    {
        var scores = x.MatMul(w);
        var predicted = Tensor.Where(scores.Ge(0), Tensor.OnesLike(scores), -Tensor.OnesLike(scores));
        var misclassified = predicted.Ne(y.To(scores.DType));
        return -Tensor.Where(misclassified, y.To(scores.DType) * scores, 0.0).Sum();
    }

    /// <summary>Predicted labels (±1, float32) for raw inputs <paramref name="x"/> [N, n].</summary>
    public Tensor Predict(Tensor x)
    {
        var rows = Rows(x);
        return Tensor.FromArray(rows.Select(r => (float)Sign(Dot(r))).ToArray());
    }

    /// <summary>Number of samples of <paramref name="x"/> [N, n] whose prediction differs from <paramref name="y"/>.</summary>
    public int Errors(Tensor x, Tensor y)
    {
        var (rows, labels) = (Rows(x), Labels(y, x.Size(0)));
        return rows.Where((r, i) => Sign(Dot(r)) != labels[i]).Count();
    }

    /// <summary>D(w) at the current weights for raw inputs <paramref name="x"/> [N, n]: never negative, zero iff nothing is misclassified.</summary>
    public double CriterionValue(Tensor x, Tensor y)
    {
        var (rows, labels) = (Rows(x), Labels(y, x.Size(0)));
        double d = 0;
        for (int i = 0; i < rows.Length; i++)
            if (Sign(Dot(rows[i])) != labels[i]) d -= labels[i] * Dot(rows[i]);
        return d;
    }

    /// <summary>
    /// Strategy 2 of the lecture (online): sweep the samples in order and, for each misclassified xᵢ, set w ← w + η yᵢ xᵢ.
    /// Stops after a pass without an update (<see cref="Converged"/>) or after <paramref name="maxEpochs"/> passes.
    /// </summary>
    public Perceptron FitOnline(Tensor x, Tensor y, int maxEpochs = 100, double learningRate = 1)
    {
        var (rows, labels) = (Rows(x), Labels(y, x.Size(0)));
        Start();
        while (Epochs < maxEpochs && !Converged)
        {
            Epochs++;
            bool updated = false;
            for (int i = 0; i < rows.Length; i++)
            {
                if (Sign(Dot(rows[i])) == labels[i]) continue;
                Step(rows[i], learningRate * labels[i]);
                updated = true;
            }
            Converged = !updated;
        }
        return this;
    }

    /// <summary>
    /// Strategy 1 of the lecture (batch): after each full pass, w ← w + η Σ_{i∈M} yᵢ xᵢ, that is w − η ∇D(w).
    /// Stops when M is empty (<see cref="Converged"/>) or after <paramref name="maxEpochs"/> passes.
    /// </summary>
    public Perceptron FitBatch(Tensor x, Tensor y, int maxEpochs = 100, double learningRate = 1)
    {
        var (rows, labels) = (Rows(x), Labels(y, x.Size(0)));
        Start();
        while (Epochs < maxEpochs)
        {
            var step = new double[Weights.Length];
            bool any = false;
            for (int i = 0; i < rows.Length; i++)
            {
                if (Sign(Dot(rows[i])) == labels[i]) continue;
                any = true;
                step[0] += labels[i];
                for (int j = 0; j < rows[i].Length; j++) step[j + 1] += labels[i] * rows[i][j];
            }
            if (!any) { Converged = true; break; }
            Epochs++;
            for (int j = 0; j < Weights.Length; j++) Weights[j] += learningRate * step[j];
            Updates++;
            history.Add((double[])Weights.Clone());
        }
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Perceptron(w = [{string.Join(", ", Weights.Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}], " +
        $"updates = {Updates}, epochs = {Epochs}, converged = {Converged})";

    private void Start()
    {
        (Converged, Updates, Epochs) = (false, 0, 0);
        history.Clear();
        history.Add((double[])Weights.Clone());
    }

    private void Step(double[] row, double scale)
    {
        Weights[0] += scale;
        for (int j = 0; j < row.Length; j++) Weights[j + 1] += scale * row[j];
        Updates++;
        history.Add((double[])Weights.Clone());
    }

    private double Dot(double[] row)
    {
        double z = Weights[0];
        for (int j = 0; j < row.Length; j++) z += Weights[j + 1] * row[j];
        return z;
    }

    private double[][] Rows(Tensor x)
    {
        if (x.Dim != 2 || x.Size(1) != Weights.Length - 1)
            throw new ArgumentException($"Perceptron: inputs must be [N, {Weights.Length - 1}], got [{string.Join(", ", x.ShapeArray)}].");
        var flat = x.Double().Contiguous().ToArray<double>();
        int n = x.Size(0), d = x.Size(1);
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * d, d).ToArray()).ToArray();
    }

    private static double[] Labels(Tensor y, int n)
    {
        var labels = y.Double().Contiguous().ToArray<double>();
        if (labels.Length != n) throw new ArgumentException($"Perceptron: {n} inputs but {labels.Length} labels.");
        if (labels.Any(v => v != 1 && v != -1)) throw new ArgumentException("Perceptron: labels must be −1 or +1.");
        return labels;
    }
}
