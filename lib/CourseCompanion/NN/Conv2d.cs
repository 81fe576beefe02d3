using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// 2-D convolution layer over [N, C, H, W], as <c>torch.nn.Conv2d</c>: weight [out, in/groups, kh, kw] and bias [out],
/// initialised as PyTorch does (kaiming_uniform with a = √5, i.e. U(±1/√fanIn), bias U(±1/√fanIn)).
/// </summary>
public sealed class Conv2d : Module
{
    private readonly Pair _kernel, _stride, _padding, _dilation;
    private readonly int _groups;

    /// <summary>Filters [outChannels, inChannels/groups, kh, kw].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [outChannels], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <summary>Creates the layer with PyTorch's default initialisation from the given (or default) generator.</summary>
    public Conv2d(int inChannels, int outChannels, Pair kernelSize, Pair? stride = null, Pair padding = default, Pair? dilation = null,
        int groups = 1, bool bias = true, Generator? generator = null)
    {
        ConvLayers.CheckChannels(inChannels, outChannels, groups, "Conv2d");
        (_kernel, _stride, _padding, _dilation, _groups) = (kernelSize, stride ?? 1, padding, dilation ?? 1, groups);
        (Weight, Bias) = ConvLayers.Parameters(RegisterParameter, [outChannels, inChannels / groups, kernelSize.Height, kernelSize.Width], outChannels, bias, generator);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Conv2d(Weight, Bias, _stride, _padding, _dilation, _groups);

    /// <inheritdoc/>
    protected override string ExtraRepr() => ConvLayers.Repr(Weight.Size(1) * _groups, Weight.Size(0), _kernel.Repr, _stride.Repr,
        _padding == new Pair(0, 0) ? null : _padding.Repr, _dilation == new Pair(1, 1) ? null : _dilation.Repr, null, _groups, Bias is not null);
}

/// <summary>What the convolution layers share: channel checks, PyTorch's initialisation, and the repr.</summary>
internal static class ConvLayers
{
    public static void CheckChannels(int inChannels, int outChannels, int groups, string layer)
    {
        if (inChannels <= 0 || outChannels <= 0 || groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0)
            throw new ArgumentException($"{layer}: in_channels={inChannels} and out_channels={outChannels} must be positive and divisible by groups={groups}.");
    }

    /// <summary>Registers "weight" (kaiming_uniform, a = √5) and optionally "bias" (U(±1/√fanIn)) on a layer, in PyTorch's order.</summary>
    public static (Tensor Weight, Tensor? Bias) Parameters(Func<string, Tensor, Tensor> register, int[] weightShape, int biasSize, bool bias, Generator? generator)
    {
        var w = register("weight", Init.KaimingUniform(Tensor.Zeros(weightShape), negativeSlope: Math.Sqrt(5), generator: generator));
        if (!bias) return (w, null);
        double bound = 1 / Math.Sqrt(Init.Fans(w).FanIn);
        return (w, register("bias", Init.Uniform(Tensor.Zeros(biasSize), -bound, bound, generator)));
    }

    public static string Repr(int inChannels, int outChannels, string kernel, string stride, string? padding, string? dilation, string? outputPadding, int groups, bool bias) =>
        $"{inChannels}, {outChannels}, kernel_size={kernel}, stride={stride}"
        + (padding is null ? "" : $", padding={padding}")
        + (dilation is null ? "" : $", dilation={dilation}")
        + (outputPadding is null ? "" : $", output_padding={outputPadding}")
        + (groups == 1 ? "" : $", groups={groups}")
        + (bias ? "" : ", bias=False");
}
