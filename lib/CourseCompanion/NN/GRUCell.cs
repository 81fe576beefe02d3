using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// One step of a gated recurrent unit (Cho et al. 2014), as <c>nn.GRUCell</c>, in <b>PyTorch's convention</b>:
/// <code>
/// r  = σ(W_ir·x + b_ir + W_hr·h + b_hr)          reset gate
/// z  = σ(W_iz·x + b_iz + W_hz·h + b_hz)          update gate
/// n  = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn))  candidate h̃
/// h' = (1 − z) ⊙ n + z ⊙ h
/// </code>
/// So z near 1 <em>keeps</em> the old state. Cho et al. and some of the lecture's slides write h' = z ⊙ h + (1 − z) ⊙ h̃ or
/// swap the roles of z and 1 − z; the two are the same model with z relabelled, and PyTorch's form is used here so weights
/// load from PyTorch. Note also that r multiplies W_hn·h + b_hn, after the matrix product (PyTorch and cuDNN), not h before it.
/// Weights are stacked in the order r, z, n: weight_ih [3H, D], weight_hh [3H, H], bias_ih [3H], bias_hh [3H], initialised
/// U(−1/√H, 1/√H).
/// </summary>
public sealed class GRUCell : Module
{
    /// <summary>D.</summary>
    public int InputSize { get; }

    /// <summary>H.</summary>
    public int HiddenSize { get; }

    /// <summary>W_ih [3H, D]: the gates r, z, n stacked.</summary>
    public Tensor WeightIh { get; }

    /// <summary>W_hh [3H, H].</summary>
    public Tensor WeightHh { get; }

    /// <summary>b_ih [3H], or null without bias.</summary>
    public Tensor? BiasIh { get; }

    /// <summary>b_hh [3H], or null without bias.</summary>
    public Tensor? BiasHh { get; }

    /// <summary>Creates the cell with PyTorch's initialisation from the given (or default) generator.</summary>
    public GRUCell(int inputSize, int hiddenSize, bool bias = true, Generator? generator = null, DType dtype = DType.Float32)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = RegisterParameter("weight_ih", Recurrent.Uniform([3 * hiddenSize, inputSize], hiddenSize, generator, dtype));
        WeightHh = RegisterParameter("weight_hh", Recurrent.Uniform([3 * hiddenSize, hiddenSize], hiddenSize, generator, dtype));
        if (bias)
        {
            BiasIh = RegisterParameter("bias_ih", Recurrent.Uniform([3 * hiddenSize], hiddenSize, generator, dtype));
            BiasHh = RegisterParameter("bias_hh", Recurrent.Uniform([3 * hiddenSize], hiddenSize, generator, dtype));
        }
    }

    /// <summary>The next hidden state for an input [N, D] (or [D]) and a hidden state [N, H] (zeros when null).</summary>
    public Tensor Forward(Tensor input, Tensor? hidden)
    {
        Recurrent.CheckCellInput("GRUCell", input, InputSize);
        return Step(Recurrent.Affine(input, WeightIh, BiasIh), hidden ?? Recurrent.ZeroState(input, HiddenSize), WeightHh, BiasHh);
    }

    /// <summary>The next hidden state from a zero hidden state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>
    /// One step given the input's projection W_ih·x + b_ih [N, 3H] (which <see cref="GRU"/> computes for all time steps at
    /// once): the equations above.
    /// </summary>
    public static Tensor Step(Tensor inputProjection, Tensor hidden, Tensor weightHh, Tensor? biasHh)
    {
        var x = inputProjection.Chunk(3, dim: -1);                               // W_ir·x + b_ir, W_iz·x + b_iz, W_in·x + b_in
        var h = Recurrent.Affine(hidden, weightHh, biasHh).Chunk(3, dim: -1);    // W_hr·h + b_hr, W_hz·h + b_hz, W_hn·h + b_hn
        var r = (x[0] + h[0]).Sigmoid();     // reset gate
        var z = (x[1] + h[1]).Sigmoid();     // update gate
        var n = (x[2] + r * h[2]).Tanh();    // candidate
        return (1 - z) * n + z * hidden;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"{InputSize}, {HiddenSize}{(BiasIh is null ? ", bias=False" : "")}";
}
