using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' LSTM; the first input dimension is TIME. One fully connected map produces all four gates from
/// the stacked input [x_t, h_{t−1}, 1], in the order forget, input, candidate, output:
/// <code>
/// [z_f, z_i, z_c, z_o] = [x_t, h_{t−1}, 1] · W      W: (in + hidden + 1) × 4·hidden   (= <see cref="Weights"/>)
/// f = σ(z_f), i = σ(z_i), C̃ = tanh(z_c), o = σ(z_o)
/// C_t = f ⊙ C_{t−1} + i ⊙ C̃,   h_t = o ⊙ tanh(C_t),   y_t = σ([h_t, 1] · W_y)
/// </code>
/// h₀ = C₀ = 0 unless <see cref="Memorize"/> is set (then the pass starts from <see cref="HiddenState"/> and
/// <see cref="CellState"/>). Backward is BPTT over the whole sequence, with errors for both h and C flowing back in time.
/// </summary>
public sealed class Lstm : ITrainableLayer
{
    private readonly List<Tensor> _stacked = [], _hidden = [], _cells = [], _gates = [], _outputs = [];
    private IOptimizer? _optimizer, _outputOptimizer;

    /// <summary>Creates the layer with U[0, 1) weights (the exercises' FullyConnected default).</summary>
    public Lstm(int inputSize, int hiddenSize, int outputSize, Generator? generator = null)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        OutputSize = outputSize;
        Weights = Tensor.Rand([inputSize + hiddenSize + 1, 4 * hiddenSize], generator, DType.Float64);
        OutputWeights = Tensor.Rand([hiddenSize + 1, outputSize], generator, DType.Float64);
        HiddenState = Tensor.Zeros([1, hiddenSize], DType.Float64);
        CellState = Tensor.Zeros([1, hiddenSize], DType.Float64);
    }

    /// <summary>Input features per step.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units.</summary>
    public int HiddenSize { get; }

    /// <summary>Outputs per step.</summary>
    public int OutputSize { get; }

    /// <summary>Carry h and C from one forward pass to the next (default false).</summary>
    public bool Memorize { get; set; }

    /// <summary>h after the last step [1, hidden]; the start state when <see cref="Memorize"/> is set.</summary>
    public Tensor HiddenState { get; set; }

    /// <summary>C after the last step [1, hidden]; the start state when <see cref="Memorize"/> is set.</summary>
    public Tensor CellState { get; set; }

    /// <summary>h_1 … h_T of the last forward pass, [T, hidden].</summary>
    public Tensor HiddenStates => Tensor.Cat(_hidden.Skip(1).ToList(), 0);

    /// <summary>C_1 … C_T of the last forward pass, [T, hidden].</summary>
    public Tensor CellStates => Tensor.Cat(_cells.Skip(1).ToList(), 0);

    /// <inheritdoc/>
    public bool Trainable => true;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <summary>W, (in + hidden + 1) × 4·hidden, gate blocks f, i, C̃, o; the last row is the bias.</summary>
    public Tensor Weights { get; set; }

    /// <summary>W_y, (hidden + 1) × out; the last row is the bias.</summary>
    public Tensor OutputWeights { get; set; }

    /// <summary>∂L/∂W from the last backward pass.</summary>
    public Tensor? GradientWeights { get; private set; }

    /// <summary>∂L/∂W_y from the last backward pass.</summary>
    public Tensor? GradientOutputWeights { get; private set; }

    /// <summary>Updates W; a copy updates W_y.</summary>
    public IOptimizer? Optimizer
    {
        get => _optimizer;
        set { _optimizer = value; _outputOptimizer = value?.Copy(); }
    }

    /// <summary>Both weight matrices as FullyConnected does it (fan_in = in + hidden, fan_out = 4·hidden for the gates).</summary>
    public void Initialize(IInitializer weightsInitializer, IInitializer biasInitializer)
    {
        Weights = Rnn.InitializeAugmented(weightsInitializer, biasInitializer, InputSize + HiddenSize, 4 * HiddenSize);
        OutputWeights = Rnn.InitializeAugmented(weightsInitializer, biasInitializer, HiddenSize, OutputSize);
    }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        using var _ = Autograd.NoGrad();
        var x = input.Double();
        _stacked.Clear(); _hidden.Clear(); _cells.Clear(); _gates.Clear(); _outputs.Clear();
        var h = Memorize ? HiddenState.Double() : Tensor.Zeros([1, HiddenSize], DType.Float64);
        var c = Memorize ? CellState.Double() : Tensor.Zeros([1, HiddenSize], DType.Float64);
        _hidden.Add(h); _cells.Add(c);
        var one = Tensor.Ones([1, 1], DType.Float64);
        int n = HiddenSize;
        for (int t = 0; t < x.Size(0); t++)
        {
            var stacked = Tensor.Cat([x.Narrow(0, t, 1), h, one], 1);
            var z = stacked.MatMul(Weights);
            var f = z.Narrow(1, 0, n).Sigmoid();
            var i = z.Narrow(1, n, n).Sigmoid();
            var candidate = z.Narrow(1, 2 * n, n).Tanh();
            var o = z.Narrow(1, 3 * n, n).Sigmoid();
            c = f * c + i * candidate;
            h = o * c.Tanh();
            var y = Tensor.Cat([h, one], 1).MatMul(OutputWeights).Sigmoid();
            _stacked.Add(stacked); _gates.Add(Tensor.Cat([f, i, candidate, o], 1)); _hidden.Add(h); _cells.Add(c); _outputs.Add(y);
        }
        HiddenState = h;
        CellState = c;
        return Tensor.Cat(_outputs, 0);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        using var _ = Autograd.NoGrad();
        if (_outputs.Count == 0) throw new InvalidOperationException("Lstm.Backward: call Forward first.");
        var e = error.Double();
        int n = HiddenSize;
        var gradW = Tensor.ZerosLike(Weights.Double());
        var gradWy = Tensor.ZerosLike(OutputWeights.Double());
        var dhNext = Tensor.Zeros([1, n], DType.Float64);
        var dcNext = Tensor.Zeros([1, n], DType.Float64);
        var dx = new Tensor[_outputs.Count];
        var one = Tensor.Ones([1, 1], DType.Float64);
        var wHidden = OutputWeights.Narrow(0, 0, n);
        var wStacked = Weights.Narrow(0, 0, InputSize + n);
        for (int t = _outputs.Count - 1; t >= 0; t--)
        {
            var y = _outputs[t];
            var h = _hidden[t + 1];
            var c = _cells[t + 1];
            var cPrev = _cells[t];
            var g = _gates[t];
            var f = g.Narrow(1, 0, n); var i = g.Narrow(1, n, n); var candidate = g.Narrow(1, 2 * n, n); var o = g.Narrow(1, 3 * n, n);
            var dOut = e.Narrow(0, t, 1) * y * (1 - y);
            gradWy += Tensor.Cat([h, one], 1).T.MatMul(dOut);
            var dh = dOut.MatMul(wHidden.T) + dhNext;
            var tanhC = c.Tanh();
            var dc = dh * o * (1 - tanhC * tanhC) + dcNext;
            var dz = Tensor.Cat([
                dc * cPrev * f * (1 - f),                  // forget gate
                dc * candidate * i * (1 - i),              // input gate
                dc * i * (1 - candidate * candidate),      // candidate
                dh * tanhC * o * (1 - o)], 1);             // output gate
            gradW += _stacked[t].T.MatMul(dz);
            var dStacked = dz.MatMul(wStacked.T);
            dx[t] = dStacked.Narrow(1, 0, InputSize);
            dhNext = dStacked.Narrow(1, InputSize, n);
            dcNext = dc * f;
        }
        GradientWeights = gradW;
        GradientOutputWeights = gradWy;
        if (_optimizer is not null) Weights = _optimizer.CalculateUpdate(Weights, gradW);
        if (_outputOptimizer is not null) OutputWeights = _outputOptimizer.CalculateUpdate(OutputWeights, gradWy);
        return Tensor.Cat(dx, 0);
    }
}
