using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// A per-example transform of an input (an image [C, H, W] or [H, W] for the image transforms), as in
/// <c>torchvision.transforms</c>. Random transforms draw from the <see cref="Generator"/> they were given, so they are reproducible.
/// </summary>
public interface ITransform
{
    /// <summary>The transformed input (a new tensor; the argument is not modified).</summary>
    Tensor Apply(Tensor input);
}
