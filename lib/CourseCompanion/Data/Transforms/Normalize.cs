using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// Per-channel standardisation (x − mean[c]) / std[c] of an image [C, H, W], like <c>transforms.Normalize</c>.
/// One mean and std apply to every channel. Fashion-MNIST's training set has mean 0.2860 and std 0.3530.
/// </summary>
public sealed class Normalize : ITransform
{
    private readonly double[] _mean, _std;

    /// <summary>One mean and standard deviation per channel (or one for all channels).</summary>
    public Normalize(double[] mean, double[] std)
    {
        if (mean.Length == 0 || mean.Length != std.Length)
            throw new ArgumentException($"Normalize: give as many means as standard deviations (got {mean.Length} and {std.Length}).");
        if (std.Any(s => s <= 0)) throw new ArgumentException("Normalize: standard deviations must be positive.");
        _mean = mean;
        _std = std;
    }

    /// <summary>The same mean and standard deviation for every channel.</summary>
    public Normalize(double mean, double std) : this([mean], [std]) { }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input)
    {
        var image = new ImagePlanes(input, "Normalize");
        int channels = input.Dim >= 3 ? input.Size(-3) : 1;
        if (_mean.Length != 1 && _mean.Length != channels)
            throw new ArgumentException($"Normalize: {_mean.Length} means for an image with {channels} channels.");
        for (int p = 0; p < image.Count; p++)
        {
            int c = _mean.Length == 1 ? 0 : p % channels;
            float mean = (float)_mean[c], scale = (float)(1 / _std[c]);
            var plane = image.Plane(p);
            for (int i = 0; i < plane.Length; i++) plane[i] = (plane[i] - mean) * scale;
        }
        return image.ToTensor();
    }
}
