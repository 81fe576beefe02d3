namespace CourseCompanion.NN;

/// <summary>
/// The lecture's size and parameter arithmetic for convolution and pooling layers, so a notebook can print the shape a
/// layer will produce before building it, and count weights without allocating them.
/// </summary>
public static class ConvArithmetic
{
    /// <summary>
    /// Output length along one axis: ⌊(in + 2p − d(k − 1) − 1)/s⌋ + 1 (floor, as PyTorch and the lecture use).
    /// With d = 1 this is the familiar ⌊(in + 2p − k)/s⌋ + 1; pooling uses the same formula.
    /// </summary>
    public static int OutputSize(int input, int kernel, int stride = 1, int padding = 0, int dilation = 1)
    {
        if (input <= 0 || kernel <= 0 || stride <= 0 || padding < 0 || dilation <= 0)
            throw new ArgumentException($"OutputSize: input {input}, kernel {kernel}, stride {stride}, dilation {dilation} must be positive and padding {padding} non-negative.");
        int span = input + 2 * padding - dilation * (kernel - 1) - 1;
        if (span < 0)
            throw new ArgumentException($"OutputSize: a kernel of {kernel} (dilation {dilation}) does not fit into {input} + 2·{padding} padded positions.");
        return span / stride + 1;
    }

    /// <summary>
    /// Receptive field of one output position of a stack of layers, each (kernel, stride, dilation), first layer first:
    /// r = 1 + Σ_l d_l(k_l − 1)·Π_{j&lt;l} s_j.
    /// </summary>
    public static int ReceptiveField(params (int Kernel, int Stride, int Dilation)[] layers)
    {
        int field = 1, jump = 1;
        foreach (var (kernel, stride, dilation) in layers)
        {
            field += dilation * (kernel - 1) * jump;
            jump *= stride;
        }
        return field;
    }

    /// <summary>Weights of a convolution layer: k_h·k_w·C_in·C_out, plus C_out biases if <paramref name="bias"/>.</summary>
    public static long ConvParameters(int inChannels, int outChannels, int kernelHeight, int kernelWidth, bool bias = true) =>
        (long)kernelHeight * kernelWidth * inChannels * outChannels + (bias ? outChannels : 0);

    /// <summary>Weights of a fully connected layer: in·out, plus out biases if <paramref name="bias"/>.</summary>
    public static long LinearParameters(long inFeatures, long outFeatures, bool bias = true) =>
        inFeatures * outFeatures + (bias ? outFeatures : 0);
}
