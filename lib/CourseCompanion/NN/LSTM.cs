using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// A multi-layer LSTM over a sequence, as <c>nn.LSTM</c>: every layer applies <see cref="LSTMCell.Step"/> (the lecture's four
/// gates) at each time step. <c>var (output, (h, c)) = lstm.Forward(x);</c> gives the last layer's h at every step and the
/// final h and C of every layer, [numLayers, N, H] each. Parameters per layer: 4·(H·(D + H) + 2H) with PyTorch's two biases.
/// <c>forgetGateBias</c> (e.g. 1.0, Jozefowicz et al. 2015) starts every layer's forget gate open (b_if = value, b_hf = 0).
/// </summary>
public sealed class LSTM : RecurrentLayer
{
    /// <summary>Creates the layers with PyTorch's initialisation, optionally with a forget-gate bias.</summary>
    public LSTM(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0,
        double? forgetGateBias = null, Generator? generator = null, DType dtype = DType.Float32)
        : base(4, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, generator, dtype)
    {
        if (forgetGateBias is not double value) return;
        if (!bias) throw new ArgumentException("LSTM: forgetGateBias needs bias = true.", nameof(forgetGateBias));
        foreach (var w in Layers) Recurrent.SetForgetGateBias(w.BiasIh!, w.BiasHh!, hiddenSize, value);
    }

    /// <summary>Runs the sequence from an initial (h0, c0), each [numLayers, N, H] (zeros when null).</summary>
    public RecurrentOutput<LSTMState> Forward(Tensor input, LSTMState? state = null)
    {
        var x = TimeMajor(input, out bool unbatched);
        var h0 = InitialStates(state?.H, x, unbatched, "h0");
        var c0 = InitialStates(state?.C, x, unbatched, "c0");
        var (output, final) = Run(x, h0.Zip(c0, (h, c) => new LSTMState(h, c)).ToArray(), s => s.H,
            (k, projection, s) => LSTMCell.Step(projection, s, Layers[k].WeightHh, Layers[k].BiasHh));
        var last = new LSTMState(StackLayers(final.Select(s => s.H), unbatched), StackLayers(final.Select(s => s.C), unbatched));
        return new(CallerLayout(output, unbatched), last);
    }

    /// <summary>As a plain <see cref="Module"/> (e.g. inside a <see cref="Sequential"/>): the output sequence from a zero state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null).Output;
}
