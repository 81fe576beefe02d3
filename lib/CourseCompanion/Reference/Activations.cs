using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>ReLU: f(x) = max(0, x); backward passes the error where x &gt; 0 (f′(0) = 0).</summary>
public sealed class ReLU : ILayer
{
    private Tensor? _input;

    /// <inheritdoc/>
    public bool Trainable => false;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        _input = input.Double();
        return _input * _input.Gt(0).Double();
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        return error.Double() * (_input ?? throw new InvalidOperationException("ReLU.Backward: call Forward first.")).Gt(0).Double();
    }
}

/// <summary>
/// An activation whose derivative is a function of its output y, as sigmoid's σ(1 − σ) and tanh's 1 − tanh²:
/// forward caches y, backward multiplies the error by f′ written in y.
/// </summary>
public abstract class OutputActivation : ILayer
{
    private Tensor? _output;

    /// <inheritdoc/>
    public bool Trainable => false;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <summary>The output of the last forward pass (the recurrent layers read it).</summary>
    public Tensor? Activations { get => _output; set => _output = value; }

    /// <summary>f(x).</summary>
    protected abstract Tensor Apply(Tensor x);

    /// <summary>f′ expressed in the output y = f(x).</summary>
    protected abstract Tensor DerivativeFromOutput(Tensor y);

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        return _output = Apply(input.Double());
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        var y = _output ?? throw new InvalidOperationException($"{GetType().Name}.Backward: call Forward first.");
        return error.Double() * DerivativeFromOutput(y);
    }
}

/// <summary>Sigmoid σ(x) = 1 / (1 + e^{−x}); backward uses the cached output: σ(1 − σ).</summary>
public sealed class Sigmoid : OutputActivation
{
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor x) => x.Sigmoid();

    /// <inheritdoc/>
    protected override Tensor DerivativeFromOutput(Tensor y) => y * (1 - y);
}

/// <summary>tanh; backward uses the cached output: 1 − tanh².</summary>
public sealed class TanH : OutputActivation
{
    /// <inheritdoc/>
    protected override Tensor Apply(Tensor x) => x.Tanh();

    /// <inheritdoc/>
    protected override Tensor DerivativeFromOutput(Tensor y) => 1 - y * y;
}

/// <summary>
/// Softmax over each row, shifted by the row maximum so large inputs do not overflow.
/// Backward (Jacobian-vector product): E_prev = ŷ ⊙ (E − Σ_j E_j ŷ_j).
/// </summary>
public sealed class SoftMax : ILayer
{
    private Tensor? _output;

    /// <inheritdoc/>
    public bool Trainable => false;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        var x = input.Double();
        var e = (x - x.Amax(1, keepDim: true)).Exp();
        return _output = e / e.Sum(1, keepDim: true);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        var y = _output ?? throw new InvalidOperationException("SoftMax.Backward: call Forward first.");
        var e = error.Double();
        return y * (e - (e * y).Sum(1, keepDim: true));
    }
}

/// <summary>Reshapes [batch, …] to [batch, features]; backward restores the shape.</summary>
public sealed class Flatten : ILayer
{
    private int[]? _shape;

    /// <inheritdoc/>
    public bool Trainable => false;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        _shape = input.Shape;
        return input.Double().Reshape(input.Size(0), -1);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error) =>
        error.Double().Reshape(_shape ?? throw new InvalidOperationException("Flatten.Backward: call Forward first."));
}

/// <summary>
/// Inverted dropout. NOTE: as in the exercises, the constructor takes the KEEP probability p (not PyTorch's drop
/// probability): in training each element is kept with probability p and scaled by 1/p; in the testing phase the
/// layer is the identity. Backward applies the same mask and scale.
/// </summary>
public sealed class Dropout(double probability, Generator? generator = null) : ILayer
{
    private Tensor? _mask;

    /// <summary>The keep probability p.</summary>
    public double Probability { get; } = probability;

    /// <inheritdoc/>
    public bool Trainable => false;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        var x = input.Double();
        if (TestingPhase) return x;
        _mask = Tensor.Rand(x.Shape, generator, DType.Float64).Lt(Probability).Double() / Probability;
        return x * _mask;
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        return TestingPhase ? error.Double() : error.Double() * (_mask ?? throw new InvalidOperationException("Dropout.Backward: call Forward first."));
    }
}
