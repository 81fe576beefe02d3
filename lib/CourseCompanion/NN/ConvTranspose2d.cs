using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Transposed 2-D convolution layer (learned upsampling in decoders and GAN generators), as <c>torch.nn.ConvTranspose2d</c>:
/// weight [in, out/groups, kh, kw], bias [out], PyTorch's initialisation (fanIn computed from weight.shape[1], as PyTorch does).
/// </summary>
public sealed class ConvTranspose2d : Module
{
    private readonly Pair _kernel, _stride, _padding, _outputPadding, _dilation;
    private readonly int _groups;

    /// <summary>Filters [inChannels, outChannels/groups, kh, kw].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [outChannels], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <summary>Creates the layer with PyTorch's default initialisation from the given (or default) generator.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, Pair kernelSize, Pair? stride = null, Pair padding = default, Pair outputPadding = default,
        int groups = 1, bool bias = true, Pair? dilation = null, Generator? generator = null)
    {
        ConvLayers.CheckChannels(inChannels, outChannels, groups, "ConvTranspose2d");
        (_kernel, _stride, _padding, _outputPadding, _dilation, _groups) = (kernelSize, stride ?? 1, padding, outputPadding, dilation ?? 1, groups);
        (Weight, Bias) = ConvLayers.Parameters(RegisterParameter, [inChannels, outChannels / groups, kernelSize.Height, kernelSize.Width], outChannels, bias, generator);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.ConvTranspose2d(Weight, Bias, _stride, _padding, _outputPadding, _groups, _dilation);

    /// <inheritdoc/>
    protected override string ExtraRepr() => ConvLayers.Repr(Weight.Size(0), Weight.Size(1) * _groups, _kernel.Repr, _stride.Repr,
        _padding == new Pair(0, 0) ? null : _padding.Repr, _dilation == new Pair(1, 1) ? null : _dilation.Repr,
        _outputPadding == new Pair(0, 0) ? null : _outputPadding.Repr, _groups, Bias is not null);
}
