using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>1-D convolution layer over [N, C, L], as <c>torch.nn.Conv1d</c>: weight [out, in/groups, k], bias [out], PyTorch's initialisation.</summary>
public sealed class Conv1d : Module
{
    private readonly int _stride, _padding, _dilation, _groups;

    /// <summary>Filters [outChannels, inChannels/groups, k].</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [outChannels], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <summary>Creates the layer with PyTorch's default initialisation from the given (or default) generator.</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1,
        int groups = 1, bool bias = true, Generator? generator = null)
    {
        ConvLayers.CheckChannels(inChannels, outChannels, groups, "Conv1d");
        (_stride, _padding, _dilation, _groups) = (stride, padding, dilation, groups);
        (Weight, Bias) = ConvLayers.Parameters(RegisterParameter, [outChannels, inChannels / groups, kernelSize], outChannels, bias, generator);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Conv1d(Weight, Bias, _stride, _padding, _dilation, _groups);

    /// <inheritdoc/>
    protected override string ExtraRepr() => ConvLayers.Repr(Weight.Size(1) * _groups, Weight.Size(0), $"({Weight.Size(2)},)", $"({_stride},)",
        _padding == 0 ? null : $"({_padding},)", _dilation == 1 ? null : $"({_dilation},)", null, _groups, Bias is not null);
}
