using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// The state an LSTM carries from step to step: the hidden state h (also the output) and the cell state C.
/// Deconstructs, so <c>var (h, c) = cell.Forward(x, state);</c> works. For a multi-layer <see cref="LSTM"/> both are
/// [numLayers, N, H].
/// </summary>
public readonly record struct LSTMState(Tensor H, Tensor C);
