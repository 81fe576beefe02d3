using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// A multi-layer Elman RNN over a sequence, as <c>nn.RNN</c>: every layer applies <see cref="RNNCell.Step"/> at each time
/// step, h_t = tanh(W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh) (or ReLU). <c>var (output, h) = rnn.Forward(x);</c>
/// </summary>
public sealed class RNN(int inputSize, int hiddenSize, int numLayers = 1, RNNNonlinearity nonlinearity = RNNNonlinearity.Tanh, bool bias = true,
    bool batchFirst = false, double dropout = 0, Generator? generator = null, DType dtype = DType.Float32)
    : RecurrentLayer(1, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, generator, dtype)
{
    /// <summary>tanh or ReLU.</summary>
    public RNNNonlinearity Nonlinearity { get; } = nonlinearity;

    /// <summary>
    /// Runs the sequence from the initial hidden state h0 [numLayers, N, H] (zeros when null); returns the last layer's hidden
    /// state at every step and the final h [numLayers, N, H].
    /// </summary>
    public RecurrentOutput<Tensor> Forward(Tensor input, Tensor? h0 = null)
    {
        var x = TimeMajor(input, out bool unbatched);
        var (output, final) = Run(x, InitialStates(h0, x, unbatched, "h0"), h => h,
            (k, projection, h) => RNNCell.Step(projection, h, Layers[k].WeightHh, Layers[k].BiasHh, Nonlinearity));
        return new(CallerLayout(output, unbatched), StackLayers(final, unbatched));
    }

    /// <summary>As a plain <see cref="Module"/> (e.g. inside a <see cref="Sequential"/>): the output sequence from a zero state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null).Output;
}
