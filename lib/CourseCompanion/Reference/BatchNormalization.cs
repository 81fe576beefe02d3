using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' batch normalisation for vectors [batch, channels] and images [batch, channels, y, x]
/// (images are reformatted to [batch·y·x, channels] so every pixel is a sample of its channel).
/// Training: x̂ = (x − μ_B) / √(σ²_B + ε) with the batch mean and the biased batch variance, y = γ·x̂ + β.
/// Moving averages as in the exercises: the first training batch sets them, later ones update
/// μ̃ ← α·μ̃ + (1 − α)·μ_B (and σ̃² likewise) with α = 0.8; the testing phase normalises with μ̃, σ̃².
/// γ (<see cref="Weights"/>) starts at 1 and β (<see cref="Bias"/>) at 0; <see cref="Initialize"/> resets them
/// and ignores the initializers, as the exercises specify.
/// Backward (training): ∂L/∂x = γ / (N·√(σ²_B + ε)) · (N·E − ΣE − x̂·Σ(E·x̂)), ∂L/∂γ = Σ E·x̂, ∂L/∂β = Σ E.
/// </summary>
public sealed class BatchNormalization : ITrainableLayer, IHasBias
{
    private Tensor? _normalized, _batchVariance;
    private int[]? _imageShape;
    private bool _cachedTesting;
    private IOptimizer? _optimizer, _biasOptimizer;

    /// <summary>Creates the layer for the given number of channels (features).</summary>
    public BatchNormalization(int channels, double epsilon = 1e-10, double momentum = 0.8)
    {
        Channels = channels;
        Epsilon = epsilon;
        Momentum = momentum;
        Weights = Tensor.Ones([channels], DType.Float64);
        Bias = Tensor.Zeros([channels], DType.Float64);
    }

    /// <summary>Number of channels.</summary>
    public int Channels { get; }

    /// <summary>ε inside the square root.</summary>
    public double Epsilon { get; }

    /// <summary>α of the moving average (the weight of the old value).</summary>
    public double Momentum { get; }

    /// <summary>μ̃, or null before the first training batch.</summary>
    public Tensor? MovingMean { get; private set; }

    /// <summary>σ̃², or null before the first training batch.</summary>
    public Tensor? MovingVariance { get; private set; }

    /// <inheritdoc/>
    public bool Trainable => true;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <summary>γ, [channels].</summary>
    public Tensor Weights { get; set; }

    /// <summary>β, [channels].</summary>
    public Tensor Bias { get; set; }

    /// <inheritdoc/>
    public Tensor? GradientWeights { get; private set; }

    /// <inheritdoc/>
    public Tensor? GradientBias { get; private set; }

    /// <summary>Updates γ; a copy updates β.</summary>
    public IOptimizer? Optimizer
    {
        get => _optimizer;
        set { _optimizer = value; _biasOptimizer = value?.Copy(); }
    }

    /// <summary>γ = 1, β = 0 (the initializers are ignored, as in the exercises).</summary>
    public void Initialize(IInitializer weightsInitializer, IInitializer biasInitializer)
    {
        Weights = Tensor.Ones([Channels], DType.Float64);
        Bias = Tensor.Zeros([Channels], DType.Float64);
    }

    /// <summary>
    /// The exercises' <c>reformat</c>: [b, c, y, x] → [b·y·x, c], and a 2-D tensor back to the image shape of the last
    /// image that went through <see cref="Forward"/>.
    /// </summary>
    public Tensor Reformat(Tensor tensor)
    {
        if (tensor.Dim == 4)
        {
            int b = tensor.Size(0), c = tensor.Size(1), y = tensor.Size(2), x = tensor.Size(3);
            return tensor.Reshape(b, c, y * x).Permute(0, 2, 1).Contiguous().Reshape(b * y * x, c);
        }
        var s = _imageShape ?? throw new InvalidOperationException("BatchNormalization.Reformat: no image has gone through Forward yet.");
        return tensor.Reshape(s[0], s[2] * s[3], s[1]).Permute(0, 2, 1).Contiguous().Reshape(s);
    }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        var x = input.Double();
        bool image = x.Dim == 4;
        if (image) _imageShape = x.Shape;
        if (image) x = Reformat(x);
        Tensor mean, variance;
        _cachedTesting = TestingPhase;
        if (TestingPhase)
        {
            mean = MovingMean ?? x.Mean(0);
            variance = MovingVariance ?? x.Var(0, unbiased: false);
        }
        else
        {
            mean = x.Mean(0);
            variance = x.Var(0, unbiased: false);
            MovingMean = MovingMean is null ? mean : Momentum * MovingMean + (1 - Momentum) * mean;
            MovingVariance = MovingVariance is null ? variance : Momentum * MovingVariance + (1 - Momentum) * variance;
        }
        _batchVariance = variance;
        _normalized = (x - mean) / (variance + Epsilon).Sqrt();
        var y = Weights.Double() * _normalized + Bias.Double();
        return image ? Reformat(y) : y;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        var xHat = _normalized ?? throw new InvalidOperationException("BatchNormalization.Backward: call Forward first.");
        var e = error.Double();
        bool image = e.Dim == 4;
        if (image) e = Reformat(e);
        GradientWeights = (e * xHat).Sum(0);
        GradientBias = e.Sum(0);
        var scale = Weights.Double() / (_batchVariance! + Epsilon).Sqrt();
        Tensor dx;
        if (_cachedTesting) dx = e * scale;
        else
        {
            int n = e.Size(0);
            dx = scale / n * (n * e - e.Sum(0) - xHat * (e * xHat).Sum(0));
        }
        if (_optimizer is not null) Weights = _optimizer.CalculateUpdate(Weights, GradientWeights);
        if (_biasOptimizer is not null) Bias = _biasOptimizer.CalculateUpdate(Bias, GradientBias);
        return image ? Reformat(dx) : dx;
    }
}
