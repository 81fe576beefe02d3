using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// A multi-layer GRU over a sequence, as <c>nn.GRU</c>: every layer applies <see cref="GRUCell.Step"/> at each time step, in
/// PyTorch's convention h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1} (see <see cref="GRUCell"/>). <c>var (output, h) = gru.Forward(x);</c>
/// </summary>
public sealed class GRU(int inputSize, int hiddenSize, int numLayers = 1, bool bias = true, bool batchFirst = false, double dropout = 0,
    Generator? generator = null, DType dtype = DType.Float32)
    : RecurrentLayer(3, inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, generator, dtype)
{
    /// <summary>
    /// Runs the sequence from the initial hidden state h0 [numLayers, N, H] (zeros when null); returns the last layer's hidden
    /// state at every step and the final h [numLayers, N, H].
    /// </summary>
    public RecurrentOutput<Tensor> Forward(Tensor input, Tensor? h0 = null)
    {
        var x = TimeMajor(input, out bool unbatched);
        var (output, final) = Run(x, InitialStates(h0, x, unbatched, "h0"), h => h,
            (k, projection, h) => GRUCell.Step(projection, h, Layers[k].WeightHh, Layers[k].BiasHh));
        return new(CallerLayout(output, unbatched), StackLayers(final, unbatched));
    }

    /// <summary>As a plain <see cref="Module"/> (e.g. inside a <see cref="Sequential"/>): the output sequence from a zero state.</summary>
    public override Tensor Forward(Tensor input) => Forward(input, null).Output;
}
