namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// 2-D convolution (cross-correlation, as in every framework) of an [N, C, H, W] input (or unbatched [C, H, W])
    /// with a weight [Cout, C/groups, kh, kw] and optional bias [Cout], like <c>F.conv2d</c>.
    /// Computed as the lecture's matrix product: im2col, then one GEMM per group.
    /// Gradients: ∂L/∂x is the transposed convolution of the output gradient with the same weight,
    /// ∂L/∂W = Σ_n G_n·im2col(x_n)ᵀ, ∂L/∂b = G summed over batch and positions. All three are recorded ops
    /// with their own backward rules, so second derivatives work.
    /// </summary>
    public Tensor Conv2d(Tensor weight, Tensor? bias = null, Pair? stride = null, Pair padding = default, Pair? dilation = null, int groups = 1)
    {
        if (Dim == 3) return Unsqueeze(0).Conv2d(weight, bias, stride, padding, dilation, groups).Squeeze(0);
        var spec = new ConvSpec(stride ?? 1, padding, dilation ?? 1, groups);
        RequireRank(this, 4, "Conv2d", "input", "[N, C, H, W] (or [C, H, W])");
        RequireRank(weight, 4, "Conv2d", "weight", "[Cout, C/groups, kh, kw]");
        CheckSpec(spec, "Conv2d");
        int n = ShapeArray[0], c = ShapeArray[1], cout = weight.ShapeArray[0];
        if (c % groups != 0 || cout % groups != 0 || weight.ShapeArray[1] * groups != c)
            throw new ArgumentException($"Conv2d: input {Shapes.Format(ShapeArray)} and weight {Shapes.Format(weight.ShapeArray)} do not fit groups={groups}: "
                + $"the input needs weight.shape[1]·groups = {weight.ShapeArray[1] * groups} channels and both channel counts must divide by groups.");
        var s = new ConvShape(n, c, ShapeArray[2], ShapeArray[3], cout, weight.ShapeArray[2], weight.ShapeArray[3], spec);
        CheckWindow(s, "Conv2d", ShapeArray);
        CheckOperands(this, weight, bias, cout, "Conv2d");
        return ConvOp(this, weight, bias, s);
    }

    /// <summary>
    /// 1-D convolution of [N, C, L] (or [C, L]) with a weight [Cout, C/groups, k], like <c>F.conv1d</c>:
    /// the 2-D convolution of a height-1 image, so it shares its kernels and gradients.
    /// </summary>
    public Tensor Conv1d(Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1)
    {
        if (Dim == 2) return Unsqueeze(0).Conv1d(weight, bias, stride, padding, dilation, groups).Squeeze(0);
        RequireRank(this, 3, "Conv1d", "input", "[N, C, L] (or [C, L])");
        RequireRank(weight, 3, "Conv1d", "weight", "[Cout, C/groups, k]");
        return Unsqueeze(2).Conv2d(weight.Unsqueeze(2), bias, (1, stride), (0, padding), (1, dilation), groups).Squeeze(2);
    }

    /// <summary>
    /// Transposed convolution of [N, Cin, H, W] (or [Cin, H, W]) with a weight [Cin, Cout/groups, kh, kw], like
    /// <c>F.conv_transpose2d</c>: the adjoint of <see cref="Conv2d"/> with that weight (its input gradient), so each
    /// input pixel spreads a weighted kernel onto the output. Output size per axis:
    /// (in − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1.
    /// </summary>
    public Tensor ConvTranspose2d(Tensor weight, Tensor? bias = null, Pair? stride = null, Pair padding = default, Pair outputPadding = default, int groups = 1, Pair? dilation = null)
    {
        if (Dim == 3) return Unsqueeze(0).ConvTranspose2d(weight, bias, stride, padding, outputPadding, groups, dilation).Squeeze(0);
        var spec = new ConvSpec(stride ?? 1, padding, dilation ?? 1, groups);
        RequireRank(this, 4, "ConvTranspose2d", "input", "[N, Cin, H, W] (or [Cin, H, W])");
        RequireRank(weight, 4, "ConvTranspose2d", "weight", "[Cin, Cout/groups, kh, kw]");
        CheckSpec(spec, "ConvTranspose2d");
        int n = ShapeArray[0], cin = ShapeArray[1], cout = weight.ShapeArray[1] * groups;
        if (cin != weight.ShapeArray[0] || cin % groups != 0)
            throw new ArgumentException($"ConvTranspose2d: input {Shapes.Format(ShapeArray)} and weight {Shapes.Format(weight.ShapeArray)} do not fit groups={groups}: "
                + $"weight.shape[0] must equal the {cin} input channels and divide by groups.");
        var (st, pd, dl, op) = (spec.Stride, spec.Padding, spec.Dilation, outputPadding);
        if (op.Height < 0 || op.Width < 0 || (op.Height >= st.Height && op.Height >= dl.Height) || (op.Width >= st.Width && op.Width >= dl.Width))
            throw new ArgumentException($"ConvTranspose2d: output padding {op} must be non-negative and smaller than the stride {st} or the dilation {dl}.");
        int kh = weight.ShapeArray[2], kw = weight.ShapeArray[3];
        int h = (ShapeArray[2] - 1) * st.Height - 2 * pd.Height + dl.Height * (kh - 1) + op.Height + 1;
        int w = (ShapeArray[3] - 1) * st.Width - 2 * pd.Width + dl.Width * (kw - 1) + op.Width + 1;
        var s = new ConvShape(n, cout, h, w, cin, kh, kw, spec);
        if (h <= 0 || w <= 0 || s.OutH != ShapeArray[2] || s.OutW != ShapeArray[3])
            throw new ArgumentException($"ConvTranspose2d: input {Shapes.Format(ShapeArray)} with kernel ({kh}, {kw}), stride {st}, padding {pd}, dilation {dl} and output padding {op} gives no valid output size (got [{h}, {w}]).");
        CheckOperands(this, weight, bias, cout, "ConvTranspose2d");
        return ConvTransposeOp(this, weight, bias, s);
    }

    /// <summary>
    /// Extracts sliding blocks like <c>F.unfold</c> (im2col as an op): [N, C, H, W] → [N, C·kh·kw, L] where column l holds the
    /// receptive field of output position l. A convolution is then <c>weight.Reshape(Cout, -1).MatMul(x.Unfold(k))</c>.
    /// (Not PyTorch's <c>Tensor.unfold(dim, size, step)</c>.) Its backward is <see cref="Fold"/>, and vice versa.
    /// </summary>
    public Tensor Unfold(Pair kernelSize, Pair? dilation = null, Pair padding = default, Pair? stride = null)
    {
        RequireRank(this, 4, "Unfold", "input", "[N, C, H, W]");
        var spec = new ConvSpec(stride ?? 1, padding, dilation ?? 1, 1);
        CheckSpec(spec, "Unfold");
        if (kernelSize.Height <= 0 || kernelSize.Width <= 0) throw new ArgumentException($"Unfold: kernel size {kernelSize} must be positive.");
        var s = new ConvShape(ShapeArray[0], ShapeArray[1], ShapeArray[2], ShapeArray[3], 1, kernelSize.Height, kernelSize.Width, spec);
        CheckWindow(s, "Unfold", ShapeArray);
        RequireFloatingPoint("Unfold");
        return UnfoldOp(this, s);
    }

    /// <summary>
    /// Sums sliding blocks back into an image like <c>F.fold</c> (col2im): [N, C·kh·kw, L] → [N, C, outputSize]; overlapping
    /// entries add up. The adjoint of <see cref="Unfold"/> (not its inverse: Fold(Unfold(x)) multiplies each pixel by its window count).
    /// </summary>
    public Tensor Fold(Pair outputSize, Pair kernelSize, Pair? dilation = null, Pair padding = default, Pair? stride = null)
    {
        RequireRank(this, 3, "Fold", "input", "[N, C·kh·kw, L]");
        var spec = new ConvSpec(stride ?? 1, padding, dilation ?? 1, 1);
        CheckSpec(spec, "Fold");
        int kk = kernelSize.Height * kernelSize.Width;
        if (kk <= 0 || ShapeArray[1] % kk != 0)
            throw new ArgumentException($"Fold: input {Shapes.Format(ShapeArray)}: dimension 1 must be a multiple of the kernel size {kernelSize} ({kk} values per channel).");
        var s = new ConvShape(ShapeArray[0], ShapeArray[1] / kk, outputSize.Height, outputSize.Width, 1, kernelSize.Height, kernelSize.Width, spec);
        CheckWindow(s, "Fold", [s.N, s.C, s.H, s.W]);
        if (s.L != ShapeArray[2])
            throw new ArgumentException($"Fold: input {Shapes.Format(ShapeArray)} has {ShapeArray[2]} blocks, but output size {outputSize} with these settings has {s.OutH}·{s.OutW} = {s.L}.");
        RequireFloatingPoint("Fold");
        return FoldOp(this, s);
    }

    // ---- recorded primitives: each backward is written with the others, so gradients of gradients work ----

    private static Tensor ConvOp(Tensor x, Tensor w, Tensor? b, ConvShape s)
    {
        var xd = Dense(x);
        var wd = Dense(w);
        var bd = b is null ? null : Dense(b);
        var y = Empty(s.OutputShape, x.DType);
        Array? colsCache;
        if (x.DType == DType.Float32) colsCache = ConvForward<float>(s, xd, wd, bd, y);
        else colsCache = ConvForward<double>(s, xd, wd, bd, y);
        Tensor[] inputs = b is null ? [x, w] : [x, w, b];
        return Autograd.Record(y, "Conv2d", inputs, g =>
        [
            x.RequiresGrad ? ConvTransposeOp(g, w, null, s) : null,
            w.RequiresGrad ? WeightGradOp(x, g, s, ReferenceEquals(colsCache, xd.Data) ? null : colsCache) : null,
            .. b is null ? Array.Empty<Tensor?>() : [b.RequiresGrad ? g.Sum([0, 2, 3]) : null],
        ]);
    }

    private static T[] ConvForward<T>(ConvShape s, Tensor x, Tensor w, Tensor? b, Tensor y) where T : unmanaged, System.Numerics.INumber<T>
    {
        var (cols, offset) = Convolution.Columns(s, x.Storage<T>(), x.Offset);
        Convolution.Forward(s, cols, offset, w.Storage<T>(), w.Offset, b?.Storage<T>(), b?.Offset ?? 0, y.Storage<T>());
        return cols;
    }

    /// <summary>The transposed convolution: y has the conv output shape of s, the result its input shape.</summary>
    private static Tensor ConvTransposeOp(Tensor y, Tensor w, Tensor? b, ConvShape s)
    {
        var yd = Dense(y);
        var wd = Dense(w);
        var bd = b is null ? null : Dense(b);
        var x = Empty(s.InputShape, y.DType);
        if (y.DType == DType.Float32) Convolution.Transposed(s, yd.Storage<float>(), yd.Offset, wd.Storage<float>(), wd.Offset, bd?.Storage<float>(), bd?.Offset ?? 0, x.Storage<float>());
        else Convolution.Transposed(s, yd.Storage<double>(), yd.Offset, wd.Storage<double>(), wd.Offset, bd?.Storage<double>(), bd?.Offset ?? 0, x.Storage<double>());
        Tensor[] inputs = b is null ? [y, w] : [y, w, b];
        return Autograd.Record(x, "ConvTranspose2d", inputs, g =>
        [
            y.RequiresGrad ? ConvOp(g, w, null, s) : null,
            w.RequiresGrad ? WeightGradOp(g, y, s, null) : null,
            .. b is null ? Array.Empty<Tensor?>() : [b.RequiresGrad ? g.Sum([0, 2, 3]) : null],
        ]);
    }

    /// <summary>∂L/∂W of a convolution: Σ_n gy_n·im2col(x_n)ᵀ (cols: the forward pass's im2col of x, when kept).</summary>
    private static Tensor WeightGradOp(Tensor x, Tensor gy, ConvShape s, Array? cols)
    {
        var gd = Dense(gy);
        var dw = Empty(s.WeightShape, gy.DType);
        if (gy.DType == DType.Float32) WeightGradient<float>(s, x, cols, gd, dw);
        else WeightGradient<double>(s, x, cols, gd, dw);
        return Autograd.Record(dw, "Conv2dWeightGrad", [x, gy], h =>
        [
            x.RequiresGrad ? ConvTransposeOp(gy, h, null, s) : null,
            gy.RequiresGrad ? ConvOp(x, h, null, s) : null,
        ]);
    }

    private static void WeightGradient<T>(ConvShape s, Tensor x, Array? cached, Tensor gy, Tensor dw) where T : unmanaged, System.Numerics.INumber<T>
    {
        T[] cols;
        int offset;
        if (cached is T[] c) (cols, offset) = (c, 0);
        else { var xd = Dense(x); (cols, offset) = Convolution.Columns(s, xd.Storage<T>(), xd.Offset); }
        Convolution.WeightGradient(s, cols, offset, gy.Storage<T>(), gy.Offset, dw.Storage<T>());
    }

    private static Tensor UnfoldOp(Tensor x, ConvShape s)
    {
        var xd = Dense(x);
        var result = Empty([s.N, s.Ckk, s.L], x.DType);
        if (x.DType == DType.Float32) CopyColumns<float>(s, xd, result);
        else CopyColumns<double>(s, xd, result);
        return Autograd.Record(result, "Unfold", [x], g => [FoldOp(g, s)]);
    }

    private static void CopyColumns<T>(ConvShape s, Tensor x, Tensor result) where T : unmanaged, System.Numerics.INumber<T>
    {
        Convolution.Columns(s, x.Storage<T>(), x.Offset, destination: result.Storage<T>());
    }

    private static Tensor FoldOp(Tensor cols, ConvShape s)
    {
        var cd = Dense(cols);
        var result = Empty(s.InputShape, cols.DType);
        if (cols.DType == DType.Float32) Convolution.AddColumns(s, cd.Storage<float>(), cd.Offset, result.Storage<float>());
        else Convolution.AddColumns(s, cd.Storage<double>(), cd.Offset, result.Storage<double>());
        return Autograd.Record(result, "Fold", [cols], g => [UnfoldOp(g, s)]);
    }

    // ---- helpers ----

    /// <summary>The values of a tensor, detached and contiguous (a copy only when needed).</summary>
    private static Tensor Dense(Tensor t) => t.Detach().Contiguous();

    private static void RequireRank(Tensor t, int rank, string op, string what, string layout)
    {
        if (t.Dim != rank)
            throw new ArgumentException($"{op}: expected the {what} as {layout}, got shape {Shapes.Format(t.ShapeArray)}.");
    }

    private static void CheckSpec(ConvSpec spec, string op)
    {
        if (spec.Stride.Height <= 0 || spec.Stride.Width <= 0 || spec.Dilation.Height <= 0 || spec.Dilation.Width <= 0 || spec.Padding.Height < 0 || spec.Padding.Width < 0 || spec.Groups <= 0)
            throw new ArgumentException($"{op}: stride {spec.Stride}, dilation {spec.Dilation} and groups {spec.Groups} must be positive, padding {spec.Padding} non-negative.");
    }

    private static void CheckWindow(ConvShape s, string op, int[] inputShape)
    {
        if (s.N == 0 || s.C == 0 || s.H <= 0 || s.W <= 0 || s.OutH <= 0 || s.OutW <= 0)
            throw new ArgumentException($"{op}: input {Shapes.Format(inputShape)} with padding {s.Spec.Padding} is empty or smaller than the kernel ({s.Kh}, {s.Kw}) dilated by {s.Spec.Dilation}.");
    }

    private static void CheckOperands(Tensor x, Tensor w, Tensor? b, int channels, string op)
    {
        x.RequireFloatingPoint(op);
        if (w.DType != x.DType || (b is not null && b.DType != x.DType))
            throw new ArgumentException($"{op}: input ({x.DType.TorchName()}), weight ({w.DType.TorchName()}) and bias must have the same dtype.");
        if (b is not null && (b.Dim != 1 || b.ShapeArray[0] != channels))
            throw new ArgumentException($"{op}: bias of shape {Shapes.Format(b.ShapeArray)} should have shape [{channels}] (one value per output channel).");
    }
}
