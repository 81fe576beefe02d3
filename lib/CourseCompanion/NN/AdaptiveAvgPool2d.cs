using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Average pooling to a fixed output size, as <c>torch.nn.AdaptiveAvgPool2d</c>; size 1 is global average pooling.</summary>
public sealed class AdaptiveAvgPool2d(Pair outputSize) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.AdaptiveAvgPool2d(outputSize);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"output_size={outputSize}";
}
