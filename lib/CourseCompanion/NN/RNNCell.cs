using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>The nonlinearity of an Elman RNN.</summary>
public enum RNNNonlinearity
{
    /// <summary>tanh, the default.</summary>
    Tanh,
    /// <summary>max(0, x).</summary>
    ReLU,
}

/// <summary>
/// One step of the Elman RNN, as <c>nn.RNNCell</c>: h' = tanh(W_ih·x + b_ih + W_hh·h + b_hh) (or ReLU), with PyTorch's
/// parameter names and shapes (weight_ih [H, D], weight_hh [H, H], bias_ih [H], bias_hh [H]) and initialisation
/// U(−1/√H, 1/√H). The lecture writes one bias; PyTorch keeps two, which only their sum matters for.
/// </summary>
public sealed class RNNCell : Module
{
    /// <summary>D.</summary>
    public int InputSize { get; }

    /// <summary>H.</summary>
    public int HiddenSize { get; }

    /// <summary>tanh or ReLU.</summary>
    public RNNNonlinearity Nonlinearity { get; }

    /// <summary>W_ih [H, D].</summary>
    public Tensor WeightIh { get; }

    /// <summary>W_hh [H, H].</summary>
    public Tensor WeightHh { get; }

    /// <summary>b_ih [H], or null without bias.</summary>
    public Tensor? BiasIh { get; }

    /// <summary>b_hh [H], or null without bias.</summary>
    public Tensor? BiasHh { get; }

    /// <summary>Creates the cell with PyTorch's initialisation from the given (or default) generator.</summary>
    public RNNCell(int inputSize, int hiddenSize, bool bias = true, RNNNonlinearity nonlinearity = RNNNonlinearity.Tanh, Generator? generator = null, DType dtype = DType.Float32)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        Nonlinearity = nonlinearity;
        WeightIh = RegisterParameter("weight_ih", Recurrent.Uniform([hiddenSize, inputSize], hiddenSize, generator, dtype));
        WeightHh = RegisterParameter("weight_hh", Recurrent.Uniform([hiddenSize, hiddenSize], hiddenSize, generator, dtype));
        if (bias)
        {
            BiasIh = RegisterParameter("bias_ih", Recurrent.Uniform([hiddenSize], hiddenSize, generator, dtype));
            BiasHh = RegisterParameter("bias_hh", Recurrent.Uniform([hiddenSize], hiddenSize, generator, dtype));
        }
    }

    /// <summary>The next hidden state for an input [N, D] (or [D]) and a hidden state [N, H] (zeros when null).</summary>
    public Tensor Forward(Tensor input, Tensor? hidden)
    {
        Recurrent.CheckCellInput("RNNCell", input, InputSize);
        return Step(Recurrent.Affine(input, WeightIh, BiasIh), hidden ?? Recurrent.ZeroState(input, HiddenSize), WeightHh, BiasHh, Nonlinearity);
    }

    /// <summary>The next hidden state from a zero hidden state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>
    /// One step given the input's projection W_ih·x + b_ih (which <see cref="RNN"/> computes for all time steps at once):
    /// h' = f(W_ih·x + b_ih + W_hh·h + b_hh).
    /// </summary>
    public static Tensor Step(Tensor inputProjection, Tensor hidden, Tensor weightHh, Tensor? biasHh, RNNNonlinearity nonlinearity)
    {
        var a = inputProjection + Recurrent.Affine(hidden, weightHh, biasHh);
        return nonlinearity == RNNNonlinearity.Tanh ? a.Tanh() : a.Relu();
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{InputSize}, {HiddenSize}{(BiasIh is null ? ", bias=False" : "")}{(Nonlinearity == RNNNonlinearity.ReLU ? ", nonlinearity=relu" : "")}";
}
