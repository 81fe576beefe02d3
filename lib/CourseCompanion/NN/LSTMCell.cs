using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// One step of a long short-term memory (Hochreiter &amp; Schmidhuber 1997), as <c>nn.LSTMCell</c>. With the four gates of
/// the lecture, each an affine map of the input x and the previous hidden state h:
/// <code>
/// i  = σ(W_ii·x + b_ii + W_hi·h + b_hi)      input gate: how much of the candidate to write
/// f  = σ(W_if·x + b_if + W_hf·h + b_hf)      forget gate: how much of the old cell state to keep
/// C̃  = tanh(W_ig·x + b_ig + W_hg·h + b_hg)   candidate cell state
/// o  = σ(W_io·x + b_io + W_ho·h + b_ho)      output gate
/// C' = f ⊙ C + i ⊙ C̃
/// h' = o ⊙ tanh(C')
/// </code>
/// The four gates' weights are stacked in PyTorch's order i, f, g, o: weight_ih [4H, D], weight_hh [4H, H], bias_ih [4H],
/// bias_hh [4H], initialised U(−1/√H, 1/√H), so PyTorch state dicts load unchanged. <c>forgetGateBias</c> (e.g. 1.0,
/// Jozefowicz et al. 2015) instead starts the forget gate open: b_if = value and b_hf = 0, so their sum is the value.
/// </summary>
public sealed class LSTMCell : Module
{
    /// <summary>D.</summary>
    public int InputSize { get; }

    /// <summary>H.</summary>
    public int HiddenSize { get; }

    /// <summary>W_ih [4H, D]: the gates i, f, g, o stacked.</summary>
    public Tensor WeightIh { get; }

    /// <summary>W_hh [4H, H].</summary>
    public Tensor WeightHh { get; }

    /// <summary>b_ih [4H], or null without bias.</summary>
    public Tensor? BiasIh { get; }

    /// <summary>b_hh [4H], or null without bias.</summary>
    public Tensor? BiasHh { get; }

    /// <summary>Creates the cell with PyTorch's initialisation, optionally with a forget-gate bias.</summary>
    public LSTMCell(int inputSize, int hiddenSize, bool bias = true, double? forgetGateBias = null, Generator? generator = null, DType dtype = DType.Float32)
    {
        if (forgetGateBias is not null && !bias) throw new ArgumentException("LSTMCell: forgetGateBias needs bias = true.", nameof(forgetGateBias));
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = RegisterParameter("weight_ih", Recurrent.Uniform([4 * hiddenSize, inputSize], hiddenSize, generator, dtype));
        WeightHh = RegisterParameter("weight_hh", Recurrent.Uniform([4 * hiddenSize, hiddenSize], hiddenSize, generator, dtype));
        if (bias)
        {
            BiasIh = RegisterParameter("bias_ih", Recurrent.Uniform([4 * hiddenSize], hiddenSize, generator, dtype));
            BiasHh = RegisterParameter("bias_hh", Recurrent.Uniform([4 * hiddenSize], hiddenSize, generator, dtype));
            if (forgetGateBias is double value) Recurrent.SetForgetGateBias(BiasIh, BiasHh, hiddenSize, value);
        }
    }

    /// <summary>The next (h, C) for an input [N, D] (or [D]) and a state of two [N, H] tensors (zeros when null).</summary>
    public LSTMState Forward(Tensor input, LSTMState? state = null)
    {
        Recurrent.CheckCellInput("LSTMCell", input, InputSize);
        var s = state ?? new LSTMState(Recurrent.ZeroState(input, HiddenSize), Recurrent.ZeroState(input, HiddenSize));
        return Step(Recurrent.Affine(input, WeightIh, BiasIh), s, WeightHh, BiasHh);
    }

    /// <summary>
    /// One step given the input's projection W_ih·x + b_ih [N, 4H] (which <see cref="LSTM"/> computes for all time steps at
    /// once): the lecture's equations above, their element-wise part computed in one fused pass.
    /// </summary>
    public static LSTMState Step(Tensor inputProjection, LSTMState state, Tensor weightHh, Tensor? biasHh) =>
        LSTMGates.Step(inputProjection + Recurrent.Affine(state.H, weightHh, biasHh), state.C);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{InputSize}, {HiddenSize}{(BiasIh is null ? ", bias=False" : "")}";
}
