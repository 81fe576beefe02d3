using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// A fully connected layer with DropConnect (Wan et al. 2013): in training mode every individual <em>weight</em> is zeroed
/// with probability p for each forward pass (one mask per pass, shared by the batch) and the kept weights are scaled by
/// 1/(1 − p), so E[W̃] = W; in evaluation mode it is the plain layer y = x·Wᵀ + b. Dropout, by contrast, zeroes
/// whole activations, i.e. whole columns of the next layer's weight matrix at once. The bias is not dropped.
/// </summary>
public sealed class DropConnect : Module
{
    private readonly Generator? _generator;

    /// <summary>Weight matrix [outFeatures, inFeatures].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [outFeatures], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <summary>Probability of dropping a weight.</summary>
    public double P { get; }

    /// <summary>The mask (0 or 1/(1 − p) per weight) of the last training-mode forward pass, or null before one.</summary>
    public Tensor? LastMask { get; private set; }

    /// <summary>Creates the layer with <see cref="Linear"/>'s initialisation; masks come from <paramref name="generator"/>.</summary>
    public DropConnect(int inFeatures, int outFeatures, double p = 0.5, bool bias = true, Generator? generator = null)
    {
        if (!(p >= 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "DropConnect: p (the drop probability) must lie in [0, 1).");
        double bound = 1.0 / Math.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Init.Uniform(Tensor.Zeros(outFeatures, inFeatures), -bound, bound, generator));
        if (bias) Bias = RegisterParameter("bias", Init.Uniform(Tensor.Zeros(outFeatures), -bound, bound, generator));
        P = p;
        _generator = generator;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var weight = Weight;
        if (Training && P > 0)
        {
            LastMask = Tensor.Bernoulli(1 - P, Weight.Shape.ToArray(), _generator).To(Weight.DType) * (1 / (1 - P));
            weight = Weight * LastMask;
        }
        var y = input.MatMul(weight.T);
        return Bias is null ? y : y + Bias;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture,
        $"in_features={Weight.Size(1)}, out_features={Weight.Size(0)}, p={PythonRepr.Float(P)}");
}
