using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>The weights of one layer of a multi-layer recurrent network: W_ih [G·H, D or H], W_hh [G·H, H] and the two biases.</summary>
public sealed record RecurrentWeights(Tensor WeightIh, Tensor WeightHh, Tensor? BiasIh, Tensor? BiasHh);

/// <summary>
/// What <see cref="RNN"/>, <see cref="LSTM"/> and <see cref="GRU"/> share (PyTorch's <c>RNNBase</c>): stacked layers, each
/// with PyTorch's parameters weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k} (initialised U(−1/√H, 1/√H)),
/// input [T, N, D] (or [N, T, D] with batchFirst, or unbatched [T, D]), and dropout between layers in training mode.
/// Each layer projects its whole input sequence onto the gates with one matrix product, then walks through time with
/// its cell's <c>Step</c>; the hidden states of one layer are the input sequence of the next.
/// </summary>
public abstract class RecurrentLayer : Module
{
    private readonly Generator? _generator;
    private readonly RecurrentWeights[] _layers;

    /// <summary>D, the input features of the first layer.</summary>
    public int InputSize { get; }

    /// <summary>H, the hidden features of every layer.</summary>
    public int HiddenSize { get; }

    /// <summary>Number of stacked layers.</summary>
    public int NumLayers { get; }

    /// <summary>True when inputs and outputs are [N, T, ·] instead of [T, N, ·]; states stay [numLayers, N, H], as in PyTorch.</summary>
    public bool BatchFirst { get; }

    /// <summary>Dropout probability on the outputs of every layer but the last, in training mode.</summary>
    public double Dropout { get; }

    /// <summary>Each layer's weights, in order.</summary>
    public IReadOnlyList<RecurrentWeights> Layers => _layers;

    /// <summary>Registers <paramref name="numLayers"/> layers of weights for a cell with <paramref name="gates"/> stacked gates (1 RNN, 3 GRU, 4 LSTM).</summary>
    protected RecurrentLayer(int gates, int inputSize, int hiddenSize, int numLayers, bool bias, bool batchFirst, double dropout, Generator? generator, DType dtype)
    {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0)
            throw new ArgumentException($"{GetType().Name}: inputSize, hiddenSize and numLayers must be positive, got {inputSize}, {hiddenSize}, {numLayers}.");
        if (!(dropout >= 0 && dropout <= 1)) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, $"{GetType().Name}: dropout must lie in [0, 1].");
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        BatchFirst = batchFirst;
        Dropout = dropout;
        _generator = generator;
        _layers = new RecurrentWeights[numLayers];
        int g = gates * hiddenSize;
        for (int k = 0; k < numLayers; k++)
        {
            string l = k.ToString(CultureInfo.InvariantCulture);
            var wIh = RegisterParameter("weight_ih_l" + l, Recurrent.Uniform([g, k == 0 ? inputSize : hiddenSize], hiddenSize, generator, dtype));
            var wHh = RegisterParameter("weight_hh_l" + l, Recurrent.Uniform([g, hiddenSize], hiddenSize, generator, dtype));
            Tensor? bIh = null, bHh = null;
            if (bias)
            {
                bIh = RegisterParameter("bias_ih_l" + l, Recurrent.Uniform([g], hiddenSize, generator, dtype));
                bHh = RegisterParameter("bias_hh_l" + l, Recurrent.Uniform([g], hiddenSize, generator, dtype));
            }
            _layers[k] = new RecurrentWeights(wIh, wHh, bIh, bHh);
        }
    }

    /// <summary>One time step of layer k's cell: from the input projection at time t [N, G·H] and the state to the next state.</summary>
    protected delegate TState CellStep<TState>(int layer, Tensor inputProjection, TState state);

    /// <summary>
    /// Runs the stacked layers over a time-major sequence x [T, N, D] from the initial state of each layer; returns the last
    /// layer's hidden states [T, N, H] and each layer's final state.
    /// </summary>
    protected (Tensor Output, TState[] Final) Run<TState>(Tensor x, TState[] initial, Func<TState, Tensor> hiddenOf, CellStep<TState> step)
    {
        int steps = x.Size(0);
        if (steps == 0) throw new ArgumentException($"{GetType().Name}: the sequence is empty.");
        var final = new TState[NumLayers];
        for (int k = 0; k < NumLayers; k++)
        {
            if (k > 0 && Dropout > 0) x = x.Dropout(Dropout, Training, _generator);
            var w = _layers[k];
            var projection = Recurrent.Affine(x, w.WeightIh, w.BiasIh);   // W_ih·x_t + b_ih for all t at once: [T, N, G·H]
            var state = initial[k];
            var hidden = new Tensor[steps];
            for (int t = 0; t < steps; t++)
            {
                state = step(k, projection[t], state);
                hidden[t] = hiddenOf(state);
            }
            x = Tensor.Stack(hidden);
            final[k] = state;
        }
        return (x, final);
    }

    /// <summary>The input as [T, N, D]; <paramref name="unbatched"/> tells whether it was a single sequence [T, D].</summary>
    protected Tensor TimeMajor(Tensor input, out bool unbatched)
    {
        if (input.Dim is not (2 or 3) || input.Size(-1) != InputSize)
            throw new ArgumentException($"{GetType().Name}: expected an input {(BatchFirst ? "[N, T, " : "[T, N, ")}{InputSize}] or [T, {InputSize}], got shape [{string.Join(", ", input.Shape)}].");
        unbatched = input.Dim == 2;
        if (unbatched) return input.Unsqueeze(1);
        return BatchFirst ? input.Transpose(0, 1) : input;
    }

    /// <summary>The output back in the caller's layout.</summary>
    protected Tensor CallerLayout(Tensor output, bool unbatched) =>
        unbatched ? output.Squeeze(1) : BatchFirst ? output.Transpose(0, 1) : output;

    /// <summary>Per-layer initial states [N, H] from a given [numLayers, N, H] (or [numLayers, H]) tensor, or zeros.</summary>
    protected Tensor[] InitialStates(Tensor? state, Tensor x, bool unbatched, string name)
    {
        int n = x.Size(1);
        if (state is null) return Enumerable.Range(0, NumLayers).Select(_ => Tensor.Zeros([n, HiddenSize], x.DType)).ToArray();
        int[] expected = unbatched ? [NumLayers, HiddenSize] : [NumLayers, n, HiddenSize];
        if (!state.Shape.SequenceEqual(expected))
            throw new ArgumentException($"{GetType().Name}: the initial {name} must be [{string.Join(", ", expected)}], got [{string.Join(", ", state.Shape)}].");
        return (unbatched ? state.Unsqueeze(1) : state).Unbind(0);
    }

    /// <summary>Per-layer final states stacked to [numLayers, N, H] (or [numLayers, H]).</summary>
    protected static Tensor StackLayers(IEnumerable<Tensor> states, bool unbatched)
    {
        var s = Tensor.Stack(states.ToArray());
        return unbatched ? s.Squeeze(1) : s;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr()
    {
        var parts = new List<string> { InputSize.ToString(CultureInfo.InvariantCulture), HiddenSize.ToString(CultureInfo.InvariantCulture) };
        if (NumLayers != 1) parts.Add("num_layers=" + NumLayers.ToString(CultureInfo.InvariantCulture));
        if (_layers[0].BiasIh is null) parts.Add("bias=False");
        if (BatchFirst) parts.Add("batch_first=True");
        if (Dropout != 0) parts.Add("dropout=" + PythonRepr.Float(Dropout));
        return string.Join(", ", parts);
    }
}
