using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>Every weight the same value (the exercises' default is 0.1).</summary>
public sealed class Constant(double value = 0.1) : IInitializer
{
    /// <summary>The value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    public Tensor Initialize(int[] shape, int fanIn, int fanOut) => Tensor.Full(shape, Value, DType.Float64);
}

/// <summary>Uniform in [0, 1), ignoring the fans (as in the exercises).</summary>
public sealed class UniformRandom(Generator? generator = null) : IInitializer
{
    /// <inheritdoc/>
    public Tensor Initialize(int[] shape, int fanIn, int fanOut) => Tensor.Rand(shape, generator, DType.Float64);
}

/// <summary>Xavier/Glorot (normal): N(0, σ²) with σ = √(2 / (fan_in + fan_out)).</summary>
public sealed class Xavier(Generator? generator = null) : IInitializer
{
    /// <inheritdoc/>
    public Tensor Initialize(int[] shape, int fanIn, int fanOut) =>
        Tensor.Randn(shape, generator, DType.Float64) * Math.Sqrt(2.0 / (fanIn + fanOut));
}

/// <summary>He (normal): N(0, σ²) with σ = √(2 / fan_in), for ReLU networks.</summary>
public sealed class He(Generator? generator = null) : IInitializer
{
    /// <inheritdoc/>
    public Tensor Initialize(int[] shape, int fanIn, int fanOut) =>
        Tensor.Randn(shape, generator, DType.Float64) * Math.Sqrt(2.0 / fanIn);
}
