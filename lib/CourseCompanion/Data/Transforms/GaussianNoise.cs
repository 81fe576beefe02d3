using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>Adds independent normal noise N(mean, std²) to every element of a float32 input, like torchvision's <c>GaussianNoise</c> without clipping.</summary>
public sealed class GaussianNoise : ITransform
{
    private readonly double _mean, _std;
    private readonly Generator _generator;

    /// <summary>Noise with standard deviation <paramref name="std"/>, drawn from <paramref name="generator"/> (default: the global one).</summary>
    public GaussianNoise(double std, double mean = 0, Generator? generator = null)
    {
        if (std < 0) throw new ArgumentOutOfRangeException(nameof(std), std, "GaussianNoise: std must be non-negative.");
        _mean = mean;
        _std = std;
        _generator = generator ?? Generator.Default;
    }

    /// <inheritdoc/>
    public Tensor Apply(Tensor input)
    {
        input.RequireDType(DType.Float32, "GaussianNoise");
        var values = input.ToArray<float>();
        for (int i = 0; i < values.Length; i++) values[i] += (float)(_mean + _std * _generator.NextNormal());
        return new Tensor(values, input.Shape, DType.Float32);
    }
}
