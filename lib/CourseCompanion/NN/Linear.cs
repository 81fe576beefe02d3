using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Fully connected layer y = x·Wᵀ + b, with W of shape [out, in] as in PyTorch, initialised U(−1/√in, 1/√in).</summary>
public sealed class Linear : Module
{
    /// <summary>Weight matrix [outFeatures, inFeatures].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [outFeatures], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <summary>Creates the layer with PyTorch's default initialisation from the given (or default) generator.</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Generator? generator = null)
    {
        double bound = 1.0 / Math.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Init.Uniform(Tensor.Zeros(outFeatures, inFeatures), -bound, bound, generator));
        if (bias) Bias = RegisterParameter("bias", Init.Uniform(Tensor.Zeros(outFeatures), -bound, bound, generator));
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var y = input.MatMul(Weight.T);
        return Bias is null ? y : y + Bias;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture,
        $"in_features={Weight.Size(1)}, out_features={Weight.Size(0)}, bias={(Bias is null ? "False" : "True")}");
}
