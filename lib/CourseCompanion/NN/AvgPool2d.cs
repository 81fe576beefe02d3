using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>2-D average pooling, as <c>torch.nn.AvgPool2d</c> (stride defaults to the kernel size; no ceil mode or divisor override).</summary>
public sealed class AvgPool2d(Pair kernelSize, Pair? stride = null, Pair padding = default, bool countIncludePad = true) : Module
{
    private readonly Pair _stride = stride ?? kernelSize;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.AvgPool2d(kernelSize, _stride, padding, countIncludePad);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"kernel_size={kernelSize}, stride={_stride}, padding={padding}";
}
