using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// The exercises' gradient checks, for any class that implements <see cref="ILayer"/> (a student's included):
/// central differences n = (L(θ + ε) − L(θ − ε)) / 2ε with ε = 1e-5 for every entry of the input, the weights or the
/// bias, compared with what Backward computes. As in the exercises, the layers are followed by an L2 loss
/// Σ(ŷ − y)² against a label (random when none is given) unless another loss is passed, and the optimizer is taken
/// off during the check. When a check fails, the result carries hints that name likely mistakes.
/// Default tolerances are the exercises' (sum of relative errors): 1e-5 for most layers; see <see cref="Tolerances"/>.
/// </summary>
public static class LayerCheck
{
    /// <summary>The step ε of the central differences.</summary>
    public const double Epsilon = 1e-5;

    /// <summary>The exercises' tolerances on the sum of relative errors, by check.</summary>
    public static class Tolerances
    {
        /// <summary>FullyConnected, activations, SoftMax, dropout, conv weights and bias.</summary>
        public const double Default = 1e-5;
        /// <summary>Cross-entropy w.r.t. the prediction; BatchNormalization input (vectors); RNN and LSTM input; RNN weights; strided conv input.</summary>
        public const double Loose = 1e-4;
        /// <summary>LSTM weights; BatchNormalization input on images.</summary>
        public const double Recurrent = 1e-3;
        /// <summary>Conv input (many near-zero entries, so relative errors add up).</summary>
        public const double ConvInput = 5e-2;
        /// <summary>Pooling input; BatchNormalization γ and β.</summary>
        public const double Tight = 1e-6;
    }

    /// <summary>∂L/∂input of one layer followed by the L2 loss.</summary>
    public static LayerCheckResult GradientWithRespectToInput(ILayer layer, Tensor input, Tensor? label = null,
        double tolerance = Tolerances.Default, ulong seed = 0, Action? beforeForward = null) =>
        GradientWithRespectToInput([layer], input, label, null, tolerance, seed, beforeForward);

    /// <summary>∂L/∂input of a stack of layers followed by a loss (the exercises' <c>gradient_check(layers, input, label)</c>).</summary>
    /// <param name="layers">The layers, first to last.</param>
    /// <param name="input">The input; it is copied to float64 and not changed.</param>
    /// <param name="label">The label the loss compares with; random U[0, 1) of the output's shape when null.</param>
    /// <param name="loss">The loss; the L2 loss Σ(ŷ − y)² when null.</param>
    /// <param name="tolerance">Bound on the sum of relative errors.</param>
    /// <param name="seed">Seed of the random label.</param>
    /// <param name="beforeForward">Called before every forward pass, e.g. to reseed a dropout layer's generator.</param>
    public static LayerCheckResult GradientWithRespectToInput(IReadOnlyList<ILayer> layers, Tensor input, Tensor? label = null,
        ILossLayer? loss = null, double tolerance = Tolerances.Default, ulong seed = 0, Action? beforeForward = null)
    {
        var what = $"Gradient w.r.t. the input of {Describe(layers)}";
        var x = ToArray(input, out var shape);
        using var detached = DetachOptimizers(layers);
        var lossLayer = loss ?? new L2Loss();
        var y = label ?? RandomLabel(layers, input, seed, beforeForward);
        double Loss(double[] values)
        {
            beforeForward?.Invoke();
            return lossLayer.Forward(Run(layers, Tensor.FromArray(values, shape)), y);
        }

        beforeForward?.Invoke();
        var output = Run(layers, Tensor.FromArray(x, shape));
        lossLayer.Forward(output, y);
        var analyticTensor = BackwardAll(layers, lossLayer.Backward(y));
        var hints = new List<string>();
        if (!analyticTensor.Shape.SequenceEqual(shape))
            return Failed(what, tolerance, $"Backward must return a tensor shaped like Forward's input [{string.Join(", ", shape)}]; it returned [{string.Join(", ", analyticTensor.Shape)}].");
        var analytic = analyticTensor.Double().Contiguous().ToArray<double>();
        var numeric = Numeric(x, Loss);
        var fatal = new List<string>();
        double l1 = Loss(x), l2 = Loss(x);
        if (Math.Abs(l1 - l2) > 1e-12 * Math.Max(1, Math.Abs(l1)))
            fatal.Add("Forward is not deterministic, so the finite differences mean nothing: a dropout layer in the training phase needs a fixed seed (pass beforeForward), and a recurrent layer must not carry its state between passes (Memorize = false).");
        return Compare(what, analytic, numeric, shape, tolerance, hints, batch: shape.Length > 0 ? shape[0] : 1, weights: false, fatal: fatal);
    }

    /// <summary>∂L/∂Weights of one trainable layer followed by the L2 loss.</summary>
    public static LayerCheckResult GradientWithRespectToWeights(ITrainableLayer layer, Tensor input, Tensor? label = null,
        double tolerance = Tolerances.Default, ulong seed = 0, Action? beforeForward = null) =>
        GradientWithRespectToWeights([layer], input, label, null, tolerance, seed, beforeForward);

    /// <summary>∂L/∂Weights of the FIRST layer of a stack (the exercises' <c>gradient_check_weights(…, bias=False)</c>).</summary>
    public static LayerCheckResult GradientWithRespectToWeights(IReadOnlyList<ILayer> layers, Tensor input, Tensor? label = null,
        ILossLayer? loss = null, double tolerance = Tolerances.Default, ulong seed = 0, Action? beforeForward = null)
    {
        var layer = layers[0] as ITrainableLayer ?? throw new ArgumentException("GradientWithRespectToWeights: the first layer must be an ITrainableLayer.", nameof(layers));
        return ParameterCheck($"Gradient w.r.t. the weights of {Describe(layers)}", layers, input, label, loss, tolerance, seed, beforeForward,
            () => layer.Weights, w => layer.Weights = w, () => layer.GradientWeights, isBias: false);
    }

    /// <summary>∂L/∂Bias of the first layer of a stack (Conv, BatchNormalization: the exercises' <c>bias=True</c>).</summary>
    public static LayerCheckResult GradientWithRespectToBias(IReadOnlyList<ILayer> layers, Tensor input, Tensor? label = null,
        ILossLayer? loss = null, double tolerance = Tolerances.Default, ulong seed = 0, Action? beforeForward = null)
    {
        var layer = layers[0] as IHasBias ?? throw new ArgumentException("GradientWithRespectToBias: the first layer must implement IHasBias.", nameof(layers));
        return ParameterCheck($"Gradient w.r.t. the bias of {Describe(layers)}", layers, input, label, loss, tolerance, seed, beforeForward,
            () => layer.Bias, b => layer.Bias = b, () => layer.GradientBias, isBias: true);
    }

    /// <summary>∂L/∂prediction of a loss layer (the exercises check CrossEntropyLoss this way, tolerance 1e-4).</summary>
    public static LayerCheckResult LossGradient(ILossLayer loss, Tensor prediction, Tensor label, double tolerance = Tolerances.Loose)
    {
        var what = $"Gradient of {loss.GetType().Name} w.r.t. the prediction";
        var x = ToArray(prediction, out var shape);
        loss.Forward(Tensor.FromArray(x, shape), label);
        var analyticTensor = loss.Backward(label);
        if (!analyticTensor.Shape.SequenceEqual(shape))
            return Failed(what, tolerance, $"Backward must return a tensor shaped like the prediction [{string.Join(", ", shape)}].");
        var numeric = Numeric(x, v => loss.Forward(Tensor.FromArray(v, shape), label));
        return Compare(what, analyticTensor.Double().Contiguous().ToArray<double>(), numeric, shape, tolerance, [], shape[0], weights: false);
    }

    /// <summary>
    /// The FullyConnected layout of the exercises: Weights are [in + 1, out] with the bias as the last row, so a zero
    /// input returns the bias row. Fails with "the bias is not appended to the weights" otherwise.
    /// </summary>
    public static LayerCheckResult BiasInWeights(ITrainableLayer layer, int inputSize, int outputSize)
    {
        const string what = "FullyConnected layout (bias folded into the weights)";
        var shape = layer.Weights.Shape;
        if (!shape.SequenceEqual([inputSize + 1, outputSize]))
            return Failed(what, 0, $"the bias is not appended to the weights: expected Weights of shape [{inputSize + 1}, {outputSize}] (in + 1 rows, the last one the bias), got [{string.Join(", ", shape)}].");
        using var detached = DetachOptimizers([layer]);
        var y = Run([layer], Tensor.Zeros([2, inputSize], DType.Float64)).Double();
        var bias = layer.Weights.Double().Narrow(0, inputSize, 1);
        double diff = (y - bias).Abs().Max().Item();
        return diff <= 1e-12
            ? new LayerCheckResult(what, true, 0, 0, [], 0, 0, 0, [])
            : Failed(what, 0, "a zero input must give the last row of the weights (the bias): append a column of ONES to the input, not zeros, and put it last.");
    }

    private static LayerCheckResult ParameterCheck(string what, IReadOnlyList<ILayer> layers, Tensor input, Tensor? label, ILossLayer? loss,
        double tolerance, ulong seed, Action? beforeForward, Func<Tensor> get, Action<Tensor> set, Func<Tensor?> gradient, bool isBias)
    {
        var original = get();
        var theta = ToArray(original, out var shape);
        using var detached = DetachOptimizers(layers);
        var lossLayer = loss ?? new L2Loss();
        var y = label ?? RandomLabel(layers, input, seed, beforeForward);
        var x = input.Double();
        double Loss(double[] values)
        {
            set(Tensor.FromArray(values, shape));
            beforeForward?.Invoke();
            return lossLayer.Forward(Run(layers, x), y);
        }
        try
        {
            set(Tensor.FromArray(theta, shape));
            Tensor? first = ForwardBackward(layers, x, y, lossLayer, beforeForward, gradient);
            var hints = new List<string>();
            if (first is null)
                return Failed(what, tolerance, $"{(isBias ? "GradientBias" : "GradientWeights")} is null after Backward: set it in every backward pass.");
            var fatal = new List<string>();
            if (!get().Double().Contiguous().ToArray<double>().SequenceEqual(theta))
                fatal.Add("Backward changed the weights although no optimizer was set: update only through Optimizer.CalculateUpdate, and only when an optimizer is set.");
            set(Tensor.FromArray(theta, shape));
            if (!first.Shape.SequenceEqual(shape))
            {
                var transposed = first.Dim == 2 && shape.Length == 2 && first.Size(0) == shape[1] && first.Size(1) == shape[0];
                return Failed(what, tolerance, transposed
                    ? $"the gradient is transposed: it must have the shape of the weights [{string.Join(", ", shape)}] (for FullyConnected: X̃ᵀ·E, not Eᵀ·X̃)."
                    : $"the gradient has shape [{string.Join(", ", first.Shape)}] but the {(isBias ? "bias" : "weights")} have [{string.Join(", ", shape)}].");
            }
            var analytic = first.Double().Contiguous().ToArray<double>();
            // a second pass on the same input must give the same gradient, not twice it
            var second = ForwardBackward(layers, x, y, lossLayer, beforeForward, gradient)!.Double().Contiguous().ToArray<double>();
            if (Ratio(second, analytic) is { } r && Math.Abs(r - 2) < 1e-6)
                fatal.Add("the gradient w.r.t. the weights is accumulated across Backward calls (+=): overwrite it in every backward pass.");
            set(Tensor.FromArray(theta, shape));
            var numeric = Numeric(theta, Loss);
            if (!isBias && input.Dim == 2 && shape.Length == 2 && shape[0] == input.Size(1))
                hints.Add("the bias is not appended to the weights: FullyConnected's weights are [in + 1, out] and the input is augmented with a column of ones.");
            return Compare(what, analytic, numeric, shape, tolerance, hints, batch: input.Size(0), weights: true,
                biasRow: !isBias && input.Dim == 2 && shape.Length == 2 && shape[0] == input.Size(1) + 1, fatal: fatal);
        }
        finally
        {
            set(Tensor.FromArray(theta, shape));
        }
    }

    private static Tensor? ForwardBackward(IReadOnlyList<ILayer> layers, Tensor x, Tensor y, ILossLayer loss, Action? beforeForward, Func<Tensor?> gradient)
    {
        beforeForward?.Invoke();
        loss.Forward(Run(layers, x), y);
        BackwardAll(layers, loss.Backward(y));
        return gradient();
    }

    private static LayerCheckResult Compare(string what, double[] analytic, double[] numeric, int[] shape, double tolerance,
        List<string> hints, int batch, bool weights, bool biasRow = false, List<string>? fatal = null)
    {
        double sum = 0, worst = -1;
        int worstAt = 0;
        for (int i = 0; i < analytic.Length; i++)
        {
            double scale = Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric[i]));
            double d = scale < 1e-15 ? 0 : Math.Abs(analytic[i] - numeric[i]) / scale;
            if (double.IsNaN(d)) d = double.PositiveInfinity;
            sum += d;
            if (d > worst) { worst = d; worstAt = i; }
        }
        fatal ??= [];
        bool passed = sum <= tolerance && fatal.Count == 0;
        if (passed) hints.Clear();
        else if (sum > tolerance) hints.AddRange(Diagnose(analytic, numeric, shape, worstAt, batch, weights, biasRow));
        hints.InsertRange(0, fatal);
        if (!passed && hints.Count == 0)
            hints.Add("no pattern recognised; compare your backward formula with the forward pass entry by entry, starting at the worst entry.");
        return new LayerCheckResult(what, passed, sum, Math.Max(worst, 0), Shapes.Unravel(worstAt, shape),
            analytic.Length > 0 ? analytic[worstAt] : 0, numeric.Length > 0 ? numeric[worstAt] : 0, tolerance, hints);
    }

    private static IEnumerable<string> Diagnose(double[] a, double[] n, int[] shape, int worstAt, int batch, bool weights, bool biasRow)
    {
        if (a.Any(double.IsNaN) || a.Any(double.IsInfinity))
        {
            yield return "the analytic gradient contains NaN or ∞: guard exp/log against overflow (shift by the maximum, add ε inside the log).";
            yield break;
        }
        if (a.All(v => v == 0) && n.Any(v => Math.Abs(v) > 1e-12))
        {
            yield return "Backward returns zeros: does it use the error it is given and the values cached in Forward?";
            yield break;
        }
        if (Ratio(a, n) is { } r)
        {
            string what = weights ? "the gradient w.r.t. the weights" : "the returned error";
            if (Math.Abs(r + 1) < 1e-3) yield return $"{what} has the wrong sign.";
            else if (batch > 1 && Math.Abs(r * batch - 1) < 1e-3) yield return $"{what} is averaged over the batch; the exercises' framework sums over the batch (its losses are sums).";
            else if (batch > 1 && Math.Abs(r - batch) < 1e-3 * batch) yield return $"{what} is multiplied by the batch size.";
            else if (Math.Abs(r - 2) < 1e-3 || Math.Abs(r - 0.5) < 1e-3) yield return $"{what} is off by a factor {r:G3} (a factor 2 from a square, or ½ from the L2 loss?).";
            else yield return $"{what} is {r:G6} × the numeric gradient everywhere: a constant factor is wrong.";
            yield break;
        }
        if (biasRow)
        {
            int cols = shape[1], rows = shape[0];
            bool rowsOk = true;
            for (int i = 0; i < (rows - 1) * cols; i++)
                if (Math.Abs(a[i] - n[i]) > 1e-6 * Math.Max(1, Math.Abs(n[i]))) { rowsOk = false; break; }
            if (rowsOk)
                yield return "only the last row (the bias) is wrong: the input must be augmented with a column of ONES, so the bias gradient is the error summed over the batch.";
        }
        yield return $"the worst entry is at [{string.Join(", ", Shapes.Unravel(worstAt, shape))}]: analytic {a[worstAt]:G6}, numeric {n[worstAt]:G6}.";
    }

    /// <summary>r when a ≈ r·n for every entry (least squares, with a small residual), else null.</summary>
    private static double? Ratio(double[] a, double[] n)
    {
        double an = 0, nn = 0;
        for (int i = 0; i < a.Length; i++) { an += a[i] * n[i]; nn += n[i] * n[i]; }
        if (nn < 1e-24) return null;
        double r = an / nn, residual = 0, norm = 0;
        for (int i = 0; i < a.Length; i++) { residual += Math.Pow(a[i] - r * n[i], 2); norm += a[i] * a[i] + n[i] * n[i]; }
        return residual <= 1e-10 * norm && Math.Abs(r - 1) > 1e-6 ? r : null;
    }

    private static double[] Numeric(double[] theta, Func<double[], double> loss)
    {
        var numeric = new double[theta.Length];
        var probe = (double[])theta.Clone();
        for (int i = 0; i < theta.Length; i++)
        {
            probe[i] = theta[i] + Epsilon;
            double plus = loss(probe);
            probe[i] = theta[i] - Epsilon;
            double minus = loss(probe);
            probe[i] = theta[i];
            numeric[i] = (plus - minus) / (2 * Epsilon);
        }
        return numeric;
    }

    private static Tensor Run(IReadOnlyList<ILayer> layers, Tensor x)
    {
        using var _ = Autograd.NoGrad();
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }

    private static Tensor BackwardAll(IReadOnlyList<ILayer> layers, Tensor error)
    {
        using var _ = Autograd.NoGrad();
        for (int i = layers.Count - 1; i >= 0; i--) error = layers[i].Backward(error);
        return error;
    }

    private static Tensor RandomLabel(IReadOnlyList<ILayer> layers, Tensor input, ulong seed, Action? beforeForward)
    {
        beforeForward?.Invoke();
        var output = Run(layers, input.Double());
        return Tensor.Rand(output.Shape, new Generator(seed), DType.Float64);
    }

    private static double[] ToArray(Tensor t, out int[] shape)
    {
        shape = t.Shape;
        return t.Detach().Double().Contiguous().ToArray<double>();
    }

    private static LayerCheckResult Failed(string what, double tolerance, string hint) =>
        new(what, false, double.PositiveInfinity, double.PositiveInfinity, [], double.NaN, double.NaN, tolerance, [hint]);

    private static string Describe(IReadOnlyList<ILayer> layers) => string.Join(" → ", layers.Select(l => l.GetType().Name));

    private static IDisposable DetachOptimizers(IReadOnlyList<ILayer> layers)
    {
        var saved = layers.OfType<ITrainableLayer>().Select(l => (Layer: l, l.Optimizer)).ToList();
        foreach (var (layer, _) in saved) layer.Optimizer = null;
        return new Restore(() => { foreach (var (layer, optimizer) in saved) layer.Optimizer = optimizer; });
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
