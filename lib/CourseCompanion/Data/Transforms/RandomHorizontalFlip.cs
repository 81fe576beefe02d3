using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>Mirrors an image left–right with probability p, like <c>transforms.RandomHorizontalFlip(p)</c>.</summary>
public sealed class RandomHorizontalFlip : ITransform
{
    private readonly double _p;
    private readonly Generator _generator;

    /// <summary>Flips with probability <paramref name="p"/>, drawing from <paramref name="generator"/> (default: the global one).</summary>
    public RandomHorizontalFlip(double p = 0.5, Generator? generator = null)
    {
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "RandomHorizontalFlip: p must lie in [0, 1].");
        _p = p;
        _generator = generator ?? Generator.Default;
    }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input)
    {
        var image = new ImagePlanes(input, "RandomHorizontalFlip");
        if (_generator.NextDouble() < _p)
            for (int p = 0; p < image.Count; p++)
            {
                var plane = image.Plane(p);
                for (int y = 0; y < image.Height; y++) plane.Slice(y * image.Width, image.Width).Reverse();
            }
        return image.ToTensor();
    }
}
