using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Group normalisation (Wu &amp; He 2018), as <c>nn.GroupNorm(numGroups, numChannels)</c>: the C channels of each sample
/// are split into G groups of C/G channels, and each group is normalised over its channels and all positions,
/// x̂ = (x − μ) / √(σ² + ε) with the biased variance; then y = γ_c·x̂ + β_c per channel (γ init 1, β init 0).
/// G = 1 normalises each sample over everything (layer norm over C, H, W); G = C normalises each channel of each sample
/// on its own (instance norm). No batch statistics are used, so training and evaluation behave the same.
/// </summary>
public sealed class GroupNorm : Module
{
    /// <summary>Number of groups G.</summary>
    public int NumGroups { get; }

    /// <summary>Number of channels C (dimension 1 of the input).</summary>
    public int NumChannels { get; }

    /// <summary>ε added to the variance.</summary>
    public double Eps { get; }

    /// <summary>γ [C], or null without affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <summary>β [C], or null without affine parameters.</summary>
    public Tensor? Bias { get; }

    /// <summary>Normalises groups of <paramref name="numChannels"/> / <paramref name="numGroups"/> channels.</summary>
    public GroupNorm(int numGroups, int numChannels, double eps = 1e-5, bool affine = true, DType dtype = DType.Float32)
    {
        if (numGroups <= 0 || numChannels <= 0 || numChannels % numGroups != 0)
            throw new ArgumentException($"GroupNorm: numChannels ({numChannels}) must be a positive multiple of numGroups ({numGroups}).");
        NumGroups = numGroups;
        NumChannels = numChannels;
        Eps = eps;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([numChannels], dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros([numChannels], dtype));
        }
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (input.Dim < 2 || input.Size(1) != NumChannels)
            throw new ArgumentException($"{GetType().Name}: expected input [N, {NumChannels}, …], got [{string.Join(", ", input.Shape)}].");
        int n = input.Size(0);
        var grouped = input.Reshape(n, NumGroups, -1);
        var mean = grouped.Mean(2, keepDim: true);
        var variance = grouped.Var([2], correction: 0, keepDim: true);
        var normalized = ((grouped - mean) / (variance + Eps).Sqrt()).Reshape(input.Shape.ToArray());
        if (Weight is null) return normalized;
        int[] channelShape = [1, NumChannels, .. Enumerable.Repeat(1, input.Dim - 2)];
        return normalized * Weight.Reshape(channelShape) + Bias!.Reshape(channelShape);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture,
        $"{NumGroups}, {NumChannels}, eps={PythonRepr.Float(Eps)}, affine={PythonRepr.Bool(Weight is not null)}");
}
