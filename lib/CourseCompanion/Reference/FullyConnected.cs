using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' fully connected layer, bias folded into the weights: the input gets a column of ones,
/// X̃ = [X, 1] (batch × (in + 1)), W is (in + 1) × out with the bias as its last row, and Y = X̃·W.
/// Backward: ∂L/∂W = X̃ᵀ·E (summed over the batch), ∂L/∂X = E·W[:in]ᵀ (computed with the weights before the update).
/// </summary>
public sealed class FullyConnected : ITrainableLayer
{
    private Tensor? _augmentedInput;

    /// <summary>Creates the layer with weights U[0, 1) as the exercises do (use <see cref="Initialize"/> for others).</summary>
    public FullyConnected(int inputSize, int outputSize, Generator? generator = null)
    {
        InputSize = inputSize;
        OutputSize = outputSize;
        Weights = Tensor.Rand([inputSize + 1, outputSize], generator, DType.Float64);
    }

    /// <summary>Number of input features (without the appended one).</summary>
    public int InputSize { get; }

    /// <summary>Number of outputs.</summary>
    public int OutputSize { get; }

    /// <inheritdoc/>
    public bool Trainable => true;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <summary>[in + 1, out]; the last row is the bias.</summary>
    public Tensor Weights { get; set; }

    /// <inheritdoc/>
    public Tensor? GradientWeights { get; private set; }

    /// <inheritdoc/>
    public IOptimizer? Optimizer { get; set; }

    /// <summary>Weights rows from the weights initializer (fan_in = in, fan_out = out), the bias row from the bias initializer (fan_in = 1).</summary>
    public void Initialize(IInitializer weightsInitializer, IInitializer biasInitializer)
    {
        var w = weightsInitializer.Initialize([InputSize, OutputSize], InputSize, OutputSize).Double();
        var b = biasInitializer.Initialize([1, OutputSize], 1, OutputSize).Double();
        Weights = Tensor.Cat([w, b], 0);
    }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        var x = input.Double();
        _augmentedInput = Tensor.Cat([x, Tensor.Ones([x.Size(0), 1], DType.Float64)], 1);
        return _augmentedInput.MatMul(Weights);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        var e = error.Double();
        var x = _augmentedInput ?? throw new InvalidOperationException("FullyConnected.Backward: call Forward first.");
        GradientWeights = x.T.MatMul(e);
        var previous = e.MatMul(Weights.Narrow(0, 0, InputSize).T);
        if (Optimizer is not null) Weights = Optimizer.CalculateUpdate(Weights, GradientWeights);
        return previous;
    }
}
