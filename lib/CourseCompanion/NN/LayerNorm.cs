using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Layer normalisation (Ba et al. 2016), as <c>nn.LayerNorm(normalizedShape)</c>: each sample is normalised over its last
/// dimensions (those of <see cref="NormalizedShape"/>), x̂ = (x − μ) / √(σ² + ε) with the biased variance, then scaled and
/// shifted elementwise, y = γ ⊙ x̂ + β (γ init 1, β init 0, both of shape normalizedShape). Unlike batch norm it uses no
/// batch statistics, so training and evaluation behave the same.
/// </summary>
public sealed class LayerNorm : Module
{
    /// <summary>The trailing shape normalised over.</summary>
    public IReadOnlyList<int> NormalizedShape { get; }

    /// <summary>ε added to the variance.</summary>
    public double Eps { get; }

    /// <summary>γ, or null without elementwise affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <summary>β, or null without elementwise affine parameters.</summary>
    public Tensor? Bias { get; }

    /// <summary>Normalises over the last dimensions, which must have the sizes <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(int[] normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, DType dtype = DType.Float32)
    {
        if (normalizedShape.Length == 0 || normalizedShape.Any(s => s <= 0))
            throw new ArgumentException($"LayerNorm: normalizedShape must be non-empty and positive, got [{string.Join(", ", normalizedShape)}].", nameof(normalizedShape));
        NormalizedShape = (int[])normalizedShape.Clone();
        Eps = eps;
        if (elementwiseAffine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones(normalizedShape, dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros(normalizedShape, dtype));
        }
    }

    /// <summary>Normalises over the last dimension, of size <paramref name="normalizedShape"/>.</summary>
    public LayerNorm(int normalizedShape, double eps = 1e-5, bool elementwiseAffine = true, DType dtype = DType.Float32)
        : this([normalizedShape], eps, elementwiseAffine, dtype) { }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        int k = NormalizedShape.Count;
        if (input.Dim < k || !input.Shape[^k..].SequenceEqual(NormalizedShape))
            throw new ArgumentException($"LayerNorm: the input shape [{string.Join(", ", input.Shape)}] does not end in the normalized shape [{string.Join(", ", NormalizedShape)}].");
        int[] dims = Enumerable.Range(input.Dim - k, k).ToArray();
        var mean = input.Mean(dims, keepDim: true);
        var variance = input.Var(dims, correction: 0, keepDim: true);
        var normalized = (input - mean) / (variance + Eps).Sqrt();
        return Weight is null ? normalized : normalized * Weight + Bias!;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{PythonRepr.Tuple(NormalizedShape.ToArray())}, eps={PythonRepr.Float(Eps)}, elementwise_affine={PythonRepr.Bool(Weight is not null)}";
}
