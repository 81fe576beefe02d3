using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// Pads an image with <c>padding</c> zeros on each side, then cuts a random size × size window, like
/// <c>transforms.RandomCrop(size, padding)</c>: a small random translation that keeps the shape when size equals the input size.
/// </summary>
public sealed class RandomCrop : ITransform
{
    private readonly int _size, _padding;
    private readonly Generator _generator;

    /// <summary>Crops size × size after zero padding; draws positions from <paramref name="generator"/> (default: the global one).</summary>
    public RandomCrop(int size, int padding = 0, Generator? generator = null)
    {
        if (size <= 0 || padding < 0) throw new ArgumentOutOfRangeException(nameof(size), "RandomCrop: size must be positive and padding non-negative.");
        _size = size;
        _padding = padding;
        _generator = generator ?? Generator.Default;
    }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input)
    {
        var image = new ImagePlanes(input, "RandomCrop");
        int h = image.Height, w = image.Width;
        if (h + 2 * _padding < _size || w + 2 * _padding < _size)
            throw new ArgumentException($"RandomCrop: a {_size}×{_size} crop does not fit a {h}×{w} image padded by {_padding}.");
        int top = (int)_generator.NextInt64(h + 2 * _padding - _size + 1) - _padding;
        int left = (int)_generator.NextInt64(w + 2 * _padding - _size + 1) - _padding;
        var shape = image.Shape;
        shape[^2] = _size;
        shape[^1] = _size;
        var output = new float[image.Count * _size * _size];
        for (int p = 0; p < image.Count; p++)
        {
            var plane = image.Plane(p);
            for (int i = 0; i < _size; i++)
            {
                int y = top + i;
                if (y < 0 || y >= h) continue;
                for (int j = 0; j < _size; j++)
                {
                    int x = left + j;
                    if (x >= 0 && x < w) output[(p * _size + i) * _size + j] = plane[y * w + x];
                }
            }
        }
        return new Tensor(output, shape, DType.Float32);
    }
}
