using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Instance normalisation (Ulyanov et al. 2016) for images [N, C, H, W], as <c>nn.InstanceNorm2d(C, affine)</c> without
/// running statistics: every channel of every sample is normalised over its H·W positions (biased variance). It is
/// group normalisation with one channel per group; like PyTorch it has no affine parameters unless asked for.
/// </summary>
public sealed class InstanceNorm2d : Module
{
    /// <summary>Number of channels C.</summary>
    public int NumFeatures { get; }

    /// <summary>ε added to the variance.</summary>
    public double Eps { get; }

    /// <summary>γ [C], or null without affine parameters (the default).</summary>
    public Tensor? Weight { get; }

    /// <summary>β [C], or null without affine parameters (the default).</summary>
    public Tensor? Bias { get; }

    /// <summary>Normalises each of the <paramref name="numFeatures"/> channels per sample.</summary>
    public InstanceNorm2d(int numFeatures, double eps = 1e-5, bool affine = false, DType dtype = DType.Float32)
    {
        if (numFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(numFeatures), numFeatures, "InstanceNorm2d: numFeatures must be positive.");
        NumFeatures = numFeatures;
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([numFeatures], dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros([numFeatures], dtype));
        }
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (input.Dim != 4 || input.Size(1) != NumFeatures)
            throw new ArgumentException($"InstanceNorm2d: expected input [N, {NumFeatures}, H, W], got [{string.Join(", ", input.Shape)}].");
        var mean = input.Mean([2, 3], keepDim: true);
        var variance = input.Var([2, 3], correction: 0, keepDim: true);
        var normalized = (input - mean) / (variance + Eps).Sqrt();
        if (Weight is null) return normalized;
        return normalized * Weight.Reshape(1, NumFeatures, 1, 1) + Bias!.Reshape(1, NumFeatures, 1, 1);
    }
}
