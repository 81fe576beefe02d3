using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Helpers the recurrent cells and layers share: PyTorch's initialisation and the affine map x·Wᵀ + b.</summary>
internal static class Recurrent
{
    /// <summary>A parameter of the given shape drawn from U(−1/√H, 1/√H), PyTorch's initialisation of every recurrent weight and bias.</summary>
    public static Tensor Uniform(int[] shape, int hiddenSize, Generator? generator, DType dtype)
    {
        double bound = 1.0 / Math.Sqrt(hiddenSize);
        return Init.Uniform(Tensor.Zeros(shape, dtype), -bound, bound, generator);
    }

    /// <summary>x·Wᵀ + b (b optional): the projection of an input or a hidden state onto all gates at once.</summary>
    public static Tensor Affine(Tensor x, Tensor weight, Tensor? bias)
    {
        var y = x.MatMul(weight.T);
        return bias is null ? y : y + bias;
    }

    /// <summary>Zeros for a missing initial hidden state: [N, H], or [H] for an unbatched [D] input.</summary>
    public static Tensor ZeroState(Tensor input, int hiddenSize) =>
        Tensor.Zeros(input.Dim == 1 ? [hiddenSize] : [input.Size(0), hiddenSize], input.DType);

    /// <summary>Checks that a cell's input is [N, D] or [D] with D = inputSize.</summary>
    public static void CheckCellInput(string module, Tensor input, int inputSize)
    {
        if (input.Dim is not (1 or 2) || input.Size(-1) != inputSize)
            throw new ArgumentException($"{module}: expected an input [N, {inputSize}] or [{inputSize}], got shape [{string.Join(", ", input.Shape)}].");
    }

    /// <summary>
    /// Sets the forget-gate slice (rows H … 2H, PyTorch's gate order i, f, g, o) of an LSTM's biases so that the forget gate
    /// starts at σ(value): b_ih gets the value and b_hh zero, since the gate sees their sum.
    /// </summary>
    public static void SetForgetGateBias(Tensor biasIh, Tensor biasHh, int hiddenSize, double value)
    {
        using (Autograd.NoGrad())
        {
            biasIh.Narrow(0, hiddenSize, hiddenSize).Fill_(value);
            biasHh.Narrow(0, hiddenSize, hiddenSize).Zero_();
        }
    }
}
