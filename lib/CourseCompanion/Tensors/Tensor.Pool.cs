using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// 2-D max pooling of [N, C, H, W] (or [C, H, W]) like <c>F.max_pool2d(..., return_indices=True)</c>: the window maxima and,
    /// for each, its int64 position h·W + w within its plane. The stride defaults to the kernel size; padding never wins.
    /// Gradient: each output gradient goes to the input that was the maximum (a recorded scatter, whose own backward gathers).
    /// Ceil mode is not supported (outputs are floor-sized).
    /// </summary>
    public (Tensor Output, Tensor Indices) MaxPool2dWithIndices(Pair kernelSize, Pair? stride = null, Pair padding = default, Pair? dilation = null)
    {
        if (Dim == 3)
        {
            var (o, i) = Unsqueeze(0).MaxPool2dWithIndices(kernelSize, stride, padding, dilation);
            return (o.Squeeze(0), i.Squeeze(0));
        }
        var (output, argmax) = MaxPoolOp(kernelSize, stride, padding, dilation);
        return (output, FromArray(argmax, output.ShapeArray));
    }

    /// <summary>2-D max pooling (see <see cref="MaxPool2dWithIndices"/>), without building the int64 indices.</summary>
    public Tensor MaxPool2d(Pair kernelSize, Pair? stride = null, Pair padding = default, Pair? dilation = null) =>
        Dim == 3 ? Unsqueeze(0).MaxPool2d(kernelSize, stride, padding, dilation).Squeeze(0) : MaxPoolOp(kernelSize, stride, padding, dilation).Output;

    /// <summary>1-D max pooling of [N, C, L] (or [C, L]) with indices into L, like <c>F.max_pool1d(..., return_indices=True)</c>.</summary>
    public (Tensor Output, Tensor Indices) MaxPool1dWithIndices(int kernelSize, int? stride = null, int padding = 0, int dilation = 1)
    {
        if (Dim == 2)
        {
            var (o, i) = Unsqueeze(0).MaxPool1dWithIndices(kernelSize, stride, padding, dilation);
            return (o.Squeeze(0), i.Squeeze(0));
        }
        RequireRank(this, 3, "MaxPool1d", "input", "[N, C, L] (or [C, L])");
        var (output, indices) = Unsqueeze(2).MaxPool2dWithIndices((1, kernelSize), (1, stride ?? kernelSize), (0, padding), (1, dilation));
        return (output.Squeeze(2), indices.Squeeze(2));
    }

    /// <summary>1-D max pooling (see <see cref="MaxPool1dWithIndices"/>).</summary>
    public Tensor MaxPool1d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1) =>
        MaxPool1dWithIndices(kernelSize, stride, padding, dilation).Output;

    /// <summary>
    /// 2-D average pooling of [N, C, H, W] (or [C, H, W]) like <c>F.avg_pool2d</c>; the stride defaults to the kernel size.
    /// With <paramref name="countIncludePad"/> (the default) every window divides by kh·kw, padding counting as zeros.
    /// Gradient: each output gradient spread evenly over its window (a recorded op whose backward is this pooling again).
    /// </summary>
    public Tensor AvgPool2d(Pair kernelSize, Pair? stride = null, Pair padding = default, bool countIncludePad = true)
    {
        if (Dim == 3) return Unsqueeze(0).AvgPool2d(kernelSize, stride, padding, countIncludePad).Squeeze(0);
        var g = PoolGeometry(kernelSize, stride ?? kernelSize, padding, 1, "AvgPool2d");
        return AvgPoolOp(this, g, countIncludePad);
    }

    /// <summary>
    /// Average pooling to a fixed output size like <c>F.adaptive_avg_pool2d</c>: output cell i along an axis averages input
    /// rows ⌊i·in/out⌋ … ⌈(i+1)·in/out⌉ − 1. Size 1×1 (global average pooling) is a mean; when the sizes divide it is
    /// ordinary average pooling; otherwise the separable product P_h·x·P_wᵀ with averaging matrices.
    /// </summary>
    public Tensor AdaptiveAvgPool2d(Pair outputSize)
    {
        if (Dim == 3) return Unsqueeze(0).AdaptiveAvgPool2d(outputSize).Squeeze(0);
        RequireRank(this, 4, "AdaptiveAvgPool2d", "input", "[N, C, H, W] (or [C, H, W])");
        RequireFloatingPoint("AdaptiveAvgPool2d");
        int h = ShapeArray[2], w = ShapeArray[3], oh = outputSize.Height, ow = outputSize.Width;
        if (oh <= 0 || ow <= 0 || h == 0 || w == 0)
            throw new ArgumentException($"AdaptiveAvgPool2d: output size {outputSize} must be positive and the input {Shapes.Format(ShapeArray)} non-empty.");
        if (oh == 1 && ow == 1) return Mean([2, 3], keepDim: true);
        if (h % oh == 0 && w % ow == 0) return AvgPool2d((h / oh, w / ow));
        return AdaptiveMatrix(h, oh, DType).MatMul(this).MatMul(AdaptiveMatrix(w, ow, DType).T);
    }

    /// <summary>[out, in] matrix whose row i averages the inputs of adaptive-pool cell i.</summary>
    private static Tensor AdaptiveMatrix(int size, int outSize, DType dtype)
    {
        var m = new double[outSize * size];
        for (int i = 0; i < outSize; i++)
        {
            int start = i * size / outSize, end = ((i + 1) * size + outSize - 1) / outSize;
            for (int j = start; j < end; j++) m[i * size + j] = 1.0 / (end - start);
        }
        return FromArray(m, outSize, size).To(dtype);
    }

    // ---- recorded primitives ----

    /// <summary>Max pooling of this [N, C, H, W] tensor: the recorded output and each window's argmax within its plane.</summary>
    private (Tensor Output, int[] Argmax) MaxPoolOp(Pair kernelSize, Pair? stride, Pair padding, Pair? dilation)
    {
        var g = PoolGeometry(kernelSize, stride ?? kernelSize, padding, dilation ?? 1, "MaxPool2d");
        var x = Dense(this);
        var output = Empty([ShapeArray[0], ShapeArray[1], g.OutHeight, g.OutWidth], DType);
        var argmax = new int[output.NumEl];
        if (DType == DType.Float32) MaxPool.Forward(g, x.Memory<float>(), output.Memory<float>(), argmax);
        else MaxPool.Forward(g, x.Memory<double>(), output.Memory<double>(), argmax);
        var inShape = ShapeArray;
        return (Autograd.Record(output, "MaxPool2d", [this], gy => [MaxUnpoolAdd(gy, g, argmax, inShape)]), argmax);
    }

    /// <summary>Zeros of the input shape with each output gradient added at its argmax: the backward of max pooling.</summary>
    private static Tensor MaxUnpoolAdd(Tensor gy, WindowGeometry g, int[] argmax, int[] inShape)
    {
        var gd = Dense(gy);
        var result = Empty(inShape, gy.DType);
        if (gy.DType == DType.Float32) MaxPool.Backward(g, gd.Memory<float>(), argmax, result.Memory<float>());
        else MaxPool.Backward(g, gd.Memory<double>(), argmax, result.Memory<double>());
        var outShape = gy.ShapeArray;
        return Autograd.Record(result, "MaxPool2dBackward", [gy], h => [ArgmaxGather(h, g, argmax, outShape)]);
    }

    /// <summary>The values at each window's argmax: the adjoint of <see cref="MaxUnpoolAdd"/> (and the forward of max pooling).</summary>
    private static Tensor ArgmaxGather(Tensor x, WindowGeometry g, int[] argmax, int[] outShape)
    {
        var xd = Dense(x);
        var result = Empty(outShape, x.DType);
        int outPlane = g.OutHeight * g.OutWidth, plane = g.Height * g.Width;
        if (x.DType == DType.Float32) Gather(xd.ReadOnlySpan<float>(), result.Span<float>());
        else Gather(xd.ReadOnlySpan<double>(), result.Span<double>());
        var inShape = x.ShapeArray;
        return Autograd.Record(result, "MaxPool2dGather", [x], h => [MaxUnpoolAdd(h, g, argmax, inShape)]);

        void Gather<T>(ReadOnlySpan<T> source, Span<T> target)
        {
            for (int p = 0, o = 0; p < g.Channels; p++)
                for (int i = 0; i < outPlane; i++, o++) target[o] = source[p * plane + argmax[o]];
        }
    }

    private static Tensor AvgPoolOp(Tensor x, WindowGeometry g, bool countIncludePad)
    {
        var xd = Dense(x);
        var output = Empty([x.ShapeArray[0], x.ShapeArray[1], g.OutHeight, g.OutWidth], x.DType);
        if (x.DType == DType.Float32) AvgPool.Forward(g, xd.Memory<float>(), output.Memory<float>(), countIncludePad);
        else AvgPool.Forward(g, xd.Memory<double>(), output.Memory<double>(), countIncludePad);
        var inShape = x.ShapeArray;
        return Autograd.Record(output, "AvgPool2d", [x], gy => [AvgPoolSpread(gy, g, countIncludePad, inShape)]);
    }

    /// <summary>The backward of average pooling (each gradient spread over its window); its own backward is average pooling.</summary>
    private static Tensor AvgPoolSpread(Tensor gy, WindowGeometry g, bool countIncludePad, int[] inShape)
    {
        var gd = Dense(gy);
        var result = Empty(inShape, gy.DType);
        if (gy.DType == DType.Float32) AvgPool.Backward(g, gd.Memory<float>(), result.Memory<float>(), countIncludePad);
        else AvgPool.Backward(g, gd.Memory<double>(), result.Memory<double>(), countIncludePad);
        return Autograd.Record(result, "AvgPool2dBackward", [gy], h => [AvgPoolOp(h, g, countIncludePad)]);
    }

    /// <summary>The kernels' window over the N·C planes of this [N, C, H, W] tensor, with op-named errors.</summary>
    private WindowGeometry PoolGeometry(Pair kernel, Pair stride, Pair padding, Pair dilation, string op)
    {
        RequireRank(this, 4, op, "input", "[N, C, H, W] (or [C, H, W])");
        RequireFloatingPoint(op);
        if (kernel.Height <= 0 || kernel.Width <= 0 || stride.Height <= 0 || stride.Width <= 0 || dilation.Height <= 0 || dilation.Width <= 0)
            throw new ArgumentException($"{op}: kernel size {kernel}, stride {stride} and dilation {dilation} must be positive.");
        if (padding.Height < 0 || padding.Width < 0 || 2 * padding.Height > kernel.Height || 2 * padding.Width > kernel.Width)
            throw new ArgumentException($"{op}: padding {padding} must be non-negative and at most half the kernel size {kernel}.");
        var g = new WindowGeometry(ShapeArray[0] * ShapeArray[1], ShapeArray[2], ShapeArray[3], kernel.Height, kernel.Width,
            stride.Height, stride.Width, padding.Height, padding.Width, dilation.Height, dilation.Width);
        if (g.Channels == 0 || g.Height == 0 || g.Width == 0 || g.OutHeight <= 0 || g.OutWidth <= 0)
            throw new ArgumentException($"{op}: input {Shapes.Format(ShapeArray)} with padding {padding} is empty or smaller than the kernel {kernel} dilated by {dilation}.");
        return g;
    }
}
