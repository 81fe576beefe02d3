using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>1-D max pooling over [N, C, L], as <c>torch.nn.MaxPool1d</c> (stride defaults to the kernel size; no ceil mode).</summary>
public sealed class MaxPool1d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1) : Module
{
    private readonly int _stride = stride ?? kernelSize;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.MaxPool1d(kernelSize, _stride, padding, dilation);

    /// <summary>The pooled output and the argmax positions (as PyTorch's return_indices=True).</summary>
    public (Tensor Output, Tensor Indices) ForwardWithIndices(Tensor input) => input.MaxPool1dWithIndices(kernelSize, _stride, padding, dilation);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={kernelSize}, stride={_stride}, padding={padding}, dilation={dilation}, ceil_mode=False";
}
