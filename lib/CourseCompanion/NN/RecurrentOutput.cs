using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// What a multi-step recurrent layer (<see cref="RNN"/>, <see cref="GRU"/>, <see cref="LSTM"/>) returns: the hidden state
/// of the last layer at every time step, and the final state of every layer. It deconstructs, as PyTorch's tuple does:
/// <c>var (output, h) = gru.Forward(x);</c> or <c>var (output, (h, c)) = lstm.Forward(x);</c>.
/// </summary>
/// <param name="Output">[T, N, H], or [N, T, H] with batchFirst, or [T, H] for an unbatched input.</param>
/// <param name="State">The final state: h as [numLayers, N, H] (RNN, GRU) or an <see cref="LSTMState"/> of two such tensors.</param>
public sealed record RecurrentOutput<TState>(Tensor Output, TState State);
