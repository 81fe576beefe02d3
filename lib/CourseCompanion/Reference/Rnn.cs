using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' Elman RNN. The first input dimension is TIME (one sequence of length T, not a batch):
/// <code>
/// h_t = tanh([x_t, h_{t−1}, 1] · W_h)      W_h: (in + hidden + 1) × hidden   (= <see cref="Weights"/>)
/// y_t = σ([h_t, 1] · W_y)                   W_y: (hidden + 1) × out          (= <see cref="OutputWeights"/>)
/// </code>
/// h₀ = 0 unless <see cref="Memorize"/> is set, in which case a forward pass starts from the last hidden state of the
/// previous one (the exercises' TBPTT state carry-over). Backward is backpropagation through time over the whole
/// sequence: the gradients of all steps are summed (the weights are shared), and the hidden-state error flows from
/// step t into step t − 1.
/// </summary>
public sealed class Rnn : ITrainableLayer
{
    private readonly List<Tensor> _stacked = [], _hidden = [], _outputs = [];
    private IOptimizer? _optimizer, _outputOptimizer;

    /// <summary>Creates the layer with U[0, 1) weights (the exercises' FullyConnected default).</summary>
    public Rnn(int inputSize, int hiddenSize, int outputSize, Generator? generator = null)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        OutputSize = outputSize;
        Weights = Tensor.Rand([inputSize + hiddenSize + 1, hiddenSize], generator, DType.Float64);
        OutputWeights = Tensor.Rand([hiddenSize + 1, outputSize], generator, DType.Float64);
        HiddenState = Tensor.Zeros([1, hiddenSize], DType.Float64);
    }

    /// <summary>Input features per step.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units.</summary>
    public int HiddenSize { get; }

    /// <summary>Outputs per step.</summary>
    public int OutputSize { get; }

    /// <summary>Carry the hidden state from one forward pass to the next (default false).</summary>
    public bool Memorize { get; set; }

    /// <summary>The hidden state after the last step [1, hidden]; the next pass starts from it when <see cref="Memorize"/> is set.</summary>
    public Tensor HiddenState { get; set; }

    /// <summary>h_1 … h_T of the last forward pass, [T, hidden].</summary>
    public Tensor HiddenStates => Tensor.Cat(_hidden.Skip(1).ToList(), 0);

    /// <inheritdoc/>
    public bool Trainable => true;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <summary>W_h, (in + hidden + 1) × hidden; the last row is the bias.</summary>
    public Tensor Weights { get; set; }

    /// <summary>W_y, (hidden + 1) × out; the last row is the bias.</summary>
    public Tensor OutputWeights { get; set; }

    /// <summary>∂L/∂W_h from the last backward pass.</summary>
    public Tensor? GradientWeights { get; private set; }

    /// <summary>∂L/∂W_y from the last backward pass.</summary>
    public Tensor? GradientOutputWeights { get; private set; }

    /// <summary>Updates W_h; a copy updates W_y.</summary>
    public IOptimizer? Optimizer
    {
        get => _optimizer;
        set { _optimizer = value; _outputOptimizer = value?.Copy(); }
    }

    /// <summary>Both weight matrices as FullyConnected does it: rows from the weights initializer, the bias row from the bias initializer.</summary>
    public void Initialize(IInitializer weightsInitializer, IInitializer biasInitializer)
    {
        Weights = InitializeAugmented(weightsInitializer, biasInitializer, InputSize + HiddenSize, HiddenSize);
        OutputWeights = InitializeAugmented(weightsInitializer, biasInitializer, HiddenSize, OutputSize);
    }

    internal static Tensor InitializeAugmented(IInitializer weights, IInitializer bias, int inputs, int outputs) =>
        Tensor.Cat([weights.Initialize([inputs, outputs], inputs, outputs).Double(), bias.Initialize([1, outputs], 1, outputs).Double()], 0);

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        var x = input.Double();
        _stacked.Clear(); _hidden.Clear(); _outputs.Clear();
        var h = Memorize ? HiddenState.Double() : Tensor.Zeros([1, HiddenSize], DType.Float64);
        _hidden.Add(h);
        var one = Tensor.Ones([1, 1], DType.Float64);
        for (int t = 0; t < x.Size(0); t++)
        {
            var stacked = Tensor.Cat([x.Narrow(0, t, 1), h, one], 1);
            h = stacked.MatMul(Weights).Tanh();
            var y = Tensor.Cat([h, one], 1).MatMul(OutputWeights).Sigmoid();
            _stacked.Add(stacked); _hidden.Add(h); _outputs.Add(y);
        }
        HiddenState = h;
        return Tensor.Cat(_outputs, 0);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        if (_outputs.Count == 0) throw new InvalidOperationException("Rnn.Backward: call Forward first.");
        var e = error.Double();
        var gradW = Tensor.ZerosLike(Weights.Double());
        var gradWy = Tensor.ZerosLike(OutputWeights.Double());
        var dhNext = Tensor.Zeros([1, HiddenSize], DType.Float64);
        var dx = new Tensor[_outputs.Count];
        var one = Tensor.Ones([1, 1], DType.Float64);
        var wHidden = OutputWeights.Narrow(0, 0, HiddenSize);
        var wStacked = Weights.Narrow(0, 0, InputSize + HiddenSize);
        for (int t = _outputs.Count - 1; t >= 0; t--)
        {
            var y = _outputs[t];
            var h = _hidden[t + 1];
            var dOut = e.Narrow(0, t, 1) * y * (1 - y);                 // through σ
            gradWy += Tensor.Cat([h, one], 1).T.MatMul(dOut);
            var dh = dOut.MatMul(wHidden.T) + dhNext;                  // from the output and from step t + 1
            var dPre = dh * (1 - h * h);                               // through tanh
            gradW += _stacked[t].T.MatMul(dPre);
            var dStacked = dPre.MatMul(wStacked.T);
            dx[t] = dStacked.Narrow(1, 0, InputSize);
            dhNext = dStacked.Narrow(1, InputSize, HiddenSize);
        }
        GradientWeights = gradW;
        GradientOutputWeights = gradWy;
        if (_optimizer is not null) Weights = _optimizer.CalculateUpdate(Weights, gradW);
        if (_outputOptimizer is not null) OutputWeights = _outputOptimizer.CalculateUpdate(OutputWeights, gradWy);
        return Tensor.Cat(dx, 0);
    }
}
