using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>Several transforms applied in order, like <c>transforms.Compose([...])</c>.</summary>
public sealed class Compose(params ITransform[] transforms) : ITransform
{
    /// <summary>The transforms, first applied first.</summary>
    public IReadOnlyList<ITransform> Transforms { get; } = transforms;

    /// <inheritdoc/>
    public Tensor Apply(Tensor input)
    {
        foreach (var t in Transforms) input = t.Apply(input);
        return input;
    }
}
