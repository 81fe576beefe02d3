using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>Any function as a transform, like <c>transforms.Lambda</c>: <c>new Lambda(x => x * 2)</c>.</summary>
public sealed class Lambda(Func<Tensor, Tensor> function) : ITransform
{
    /// <inheritdoc/>
    public Tensor Apply(Tensor input) => function(input);
}
