using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// A locally connected layer: like <see cref="Conv2d"/>, each output pixel sees only a k×k neighbourhood of the input,
/// but every output position has its own filter (no weight sharing). It sits between a fully connected layer and a
/// convolution; tying all its position weights to one kernel gives the convolution back.
/// Weight [L, C_out, C_in·kh·kw] for the L = H_out·W_out output positions, bias [C_out, H_out, W_out].
/// </summary>
public sealed class LocallyConnected2d : Module
{
    private readonly Pair _kernel, _stride, _padding;
    private readonly int _inChannels, _outChannels, _inHeight, _inWidth;

    /// <summary>Filters [H_out·W_out, C_out, C_in·kh·kw], one per output position.</summary>
    public Tensor Weight { get; }

    /// <summary>Bias [C_out, H_out, W_out], or null without bias.</summary>
    public Tensor? Bias { get; }

    /// <summary>Output height.</summary>
    public int OutHeight { get; }

    /// <summary>Output width.</summary>
    public int OutWidth { get; }

    /// <summary>
    /// A layer for inputs [N, <paramref name="inChannels"/>, <paramref name="height"/>, <paramref name="width"/>] (the size
    /// is fixed because every position owns its weights), initialised like <see cref="Conv2d"/>: U(±1/√(C_in·kh·kw)).
    /// </summary>
    public LocallyConnected2d(int inChannels, int outChannels, int height, int width, Pair kernelSize, Pair? stride = null,
        Pair padding = default, bool bias = true, Generator? generator = null)
    {
        (_inChannels, _outChannels, _inHeight, _inWidth) = (inChannels, outChannels, height, width);
        (_kernel, _stride, _padding) = (kernelSize, stride ?? 1, padding);
        OutHeight = ConvArithmetic.OutputSize(height, kernelSize.Height, _stride.Height, padding.Height);
        OutWidth = ConvArithmetic.OutputSize(width, kernelSize.Width, _stride.Width, padding.Width);
        int fanIn = inChannels * kernelSize.Height * kernelSize.Width;
        double bound = 1 / Math.Sqrt(fanIn);
        Weight = RegisterParameter("weight", Init.Uniform(Tensor.Zeros(OutHeight * OutWidth, outChannels, fanIn), -bound, bound, generator));
        if (bias) Bias = RegisterParameter("bias", Init.Uniform(Tensor.Zeros(outChannels, OutHeight, OutWidth), -bound, bound, generator));
    }

    /// <summary>
    /// A locally connected layer whose every position uses the same <paramref name="kernel"/> [C_out, C_in, kh, kw]
    /// (and <paramref name="bias"/> [C_out]): the convolution written without weight sharing, for comparisons.
    /// </summary>
    public static LocallyConnected2d Tied(Tensor kernel, Tensor? bias, int height, int width, Pair? stride = null, Pair padding = default)
    {
        var layer = new LocallyConnected2d(kernel.Size(1), kernel.Size(0), height, width, new Pair(kernel.Size(2), kernel.Size(3)),
            stride, padding, bias is not null);
        using (Autograd.NoGrad())
        {
            layer.Weight.Copy_(kernel.Reshape(1, kernel.Size(0), -1).Expand(layer.Weight.Shape));
            layer.Bias?.Copy_(bias!.Reshape(-1, 1, 1).Expand(layer.Bias.Shape));
        }
        return layer;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        if (input.Dim != 4 || input.Size(1) != _inChannels || input.Size(2) != _inHeight || input.Size(3) != _inWidth)
            throw new ArgumentException($"LocallyConnected2d: expected input [N, {_inChannels}, {_inHeight}, {_inWidth}], got {Shapes.Format(input.ShapeArray)}.");
        int n = input.Size(0);
        var columns = input.Unfold(_kernel, padding: _padding, stride: _stride);       // [N, C_in·kh·kw, L]
        var perPosition = columns.Permute(2, 0, 1).MatMul(Weight.Transpose(1, 2));    // [L, N, C_out]
        var y = perPosition.Permute(1, 2, 0).Reshape(n, _outChannels, OutHeight, OutWidth);
        return Bias is null ? y : y + Bias;
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture,
        $"{_inChannels}, {_outChannels}, input_size=({_inHeight}, {_inWidth}), kernel_size={_kernel.Repr}, stride={_stride.Repr}, padding={_padding.Repr}, bias={(Bias is null ? "False" : "True")}");
}
