using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>2-D max pooling, as <c>torch.nn.MaxPool2d</c> (stride defaults to the kernel size; no ceil mode).</summary>
public sealed class MaxPool2d(Pair kernelSize, Pair? stride = null, Pair padding = default, Pair? dilation = null) : Module
{
    private readonly Pair _stride = stride ?? kernelSize, _dilation = dilation ?? 1;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.MaxPool2d(kernelSize, _stride, padding, _dilation);

    /// <summary>The pooled output and the argmax positions (as PyTorch's return_indices=True).</summary>
    public (Tensor Output, Tensor Indices) ForwardWithIndices(Tensor input) => input.MaxPool2dWithIndices(kernelSize, _stride, padding, _dilation);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={kernelSize}, stride={_stride}, padding={padding}, dilation={_dilation}, ceil_mode=False";
}
