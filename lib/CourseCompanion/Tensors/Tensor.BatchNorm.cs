using System.Numerics;
using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Batch normalisation of [N, C, *] per channel c (dimension 1) as one fused op, like <c>F.batch_norm</c>:
    /// y = (x − μ_c)/√(σ²_c + ε)·γ_c + β_c, with γ = <paramref name="weight"/> (default 1) and β = <paramref name="bias"/> (default 0).
    /// In <paramref name="training"/> μ and σ² are the batch's mean and biased variance, and the running statistics, when given,
    /// are updated in place as r ← (1 − m)·r + m·s with m = <paramref name="momentum"/> (the unbiased variance for the running
    /// variance); otherwise the running statistics are used and must be given.
    /// Gradient, with x̂ = (x − μ)/σ: ∂L/∂γ = Σ g·x̂, ∂L/∂β = Σ g, and ∂L/∂x = (γ/σ)·(g − mean(g) − x̂·mean(g·x̂)) in training,
    /// g·γ/σ otherwise. When the backward itself records a graph (second derivatives) it is written with differentiable ops.
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        CheckBatchNorm(input, runningMean, runningVar, weight, bias, training);
        return input.DType == DType.Float32
            ? BatchNormOp<float>(input, runningMean, runningVar, weight, bias, training, momentum, eps)
            : BatchNormOp<double>(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    private static Tensor BatchNormOp<T>(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, double momentum, double eps) where T : unmanaged, INumber<T>
    {
        var l = ChannelLayout.Of(input.ShapeArray);
        ReadOnlyMemory<T> x = Dense(input).Memory<T>();
        double[] mean, variance;
        if (training)
        {
            (mean, variance) = (new double[l.Channels], new double[l.Channels]);
            BatchNormKernel.Statistics(l, x, mean, variance);
            if (runningMean is not null)
            {
                double bessel = (double)l.PerChannel / (l.PerChannel - 1);
                UpdateRunningStatistic(runningMean, mean, momentum);
                UpdateRunningStatistic(runningVar!, variance.Select(v => v * bessel).ToArray(), momentum);
            }
        }
        else (mean, variance) = (ChannelValues(runningMean!), ChannelValues(runningVar!));
        var invStd = variance.Select(v => 1 / Math.Sqrt(v + eps)).ToArray();
        var gamma = weight is null ? Enumerable.Repeat(1.0, l.Channels).ToArray() : ChannelValues(weight);
        var beta = bias is null ? new double[l.Channels] : ChannelValues(bias);

        var y = Empty(input.ShapeArray, input.DType);
        BatchNormKernel.Affine(l, x, Cast<T>(mean), Cast<T>(gamma.Zip(invStd, (g, s) => g * s)), Cast<T>(beta), y.Memory<T>());
        Tensor[] inputs = [input, .. weight is null ? Array.Empty<Tensor>() : [weight], .. bias is null ? Array.Empty<Tensor>() : [bias]];
        return Autograd.Record(y, "BatchNorm", inputs, g => Autograd.IsEnabled
            ? BatchNormComposedBackward(g, input, weight, bias, training ? null : (ChannelTensor(mean, input.DType), ChannelTensor(invStd, input.DType)), eps)
            : BatchNormFusedBackward(g, l, x, mean, invStd, gamma, training, input, weight, bias));
    }

    /// <summary>The backward from the kernels' per-channel sums: one pass for Σg and Σg·(x − μ), one to write ∂L/∂x.</summary>
    private static Tensor?[] BatchNormFusedBackward<T>(Tensor g, ChannelLayout l, ReadOnlyMemory<T> x, double[] mean, double[] invStd,
        double[] gamma, bool training, Tensor input, Tensor? weight, Tensor? bias) where T : unmanaged, INumber<T>
    {
        ReadOnlyMemory<T> dy = Dense(g).Memory<T>();
        var (sumDy, sumDyCentered) = (new double[l.Channels], new double[l.Channels]);
        if (training && input.RequiresGrad || weight is { RequiresGrad: true } || bias is { RequiresGrad: true })
            BatchNormKernel.GradientSums(l, dy, x, mean, sumDy, sumDyCentered);

        Tensor? dx = null;
        if (input.RequiresGrad)
        {
            dx = Empty(input.ShapeArray, input.DType);
            var k = gamma.Zip(invStd, (w, s) => w * s).ToArray();
            var zeros = new T[l.Channels];
            if (!training) BatchNormKernel.Affine(l, dy, zeros, Cast<T>(k), zeros, dx.Memory<T>());
            else
            {
                int m = l.PerChannel;
                var p = Enumerable.Range(0, l.Channels).Select(c => -k[c] * invStd[c] * invStd[c] * sumDyCentered[c] / m);
                var q = Enumerable.Range(0, l.Channels).Select(c => -k[c] * sumDy[c] / m);
                BatchNormKernel.InputGradient(l, dy, Cast<T>(k), x, Cast<T>(mean), Cast<T>(p), Cast<T>(q), dx.Memory<T>());
            }
        }
        var dGamma = weight is null ? Array.Empty<Tensor?>() : [ChannelTensor(sumDyCentered.Zip(invStd, (p, s) => p * s).ToArray(), weight.DType)];
        var dBeta = bias is null ? Array.Empty<Tensor?>() : [ChannelTensor(sumDy, bias.DType)];
        return [dx, .. dGamma, .. dBeta];
    }

    /// <summary>
    /// The same gradients written with differentiable ops, for a backward that records a graph. <paramref name="frozen"/> holds
    /// the running mean and 1/σ used in evaluation mode; null in training, where both are recomputed from the input.
    /// </summary>
    private static Tensor?[] BatchNormComposedBackward(Tensor g, Tensor input, Tensor? weight, Tensor? bias, (Tensor Mean, Tensor InvStd)? frozen, double eps)
    {
        int[] dims = [0, .. Enumerable.Range(2, input.Dim - 2)];
        int[] channelShape = [1, input.ShapeArray[1], .. Enumerable.Repeat(1, input.Dim - 2)];
        var mean = frozen?.Mean.Reshape(channelShape) ?? input.Mean(dims, keepDim: true);
        var invStd = frozen?.InvStd.Reshape(channelShape) ?? (input.Var(dims, correction: 0, keepDim: true) + eps).Rsqrt();
        var normalized = (input - mean) * invStd;
        var gNormalized = weight is null ? g : g * weight.Reshape(channelShape);
        var dx = frozen is not null
            ? gNormalized * invStd
            : (gNormalized - gNormalized.Mean(dims, keepDim: true) - normalized * (gNormalized * normalized).Mean(dims, keepDim: true)) * invStd;
        var dGamma = weight is null ? Array.Empty<Tensor?>() : [(g * normalized).Sum(dims)];
        var dBeta = bias is null ? Array.Empty<Tensor?>() : [g.Sum(dims)];
        return [dx, .. dGamma, .. dBeta];
    }

    /// <summary>r ← (1 − m)·r + m·s in place, computed in double.</summary>
    private static void UpdateRunningStatistic(Tensor running, double[] batch, double momentum)
    {
        var old = ChannelValues(running);
        var updated = old.Select((r, c) => (1 - momentum) * r + momentum * batch[c]).ToArray();
        using (Autograd.NoGrad()) running.Copy_(ChannelTensor(updated, running.DType));
    }

    private static void CheckBatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training)
    {
        input.RequireFloatingPoint("BatchNorm");
        if (input.Dim < 2) throw new ArgumentException($"BatchNorm: expected an input [N, C, *], got shape {Shapes.Format(input.ShapeArray)}.");
        int channels = input.ShapeArray[1];
        foreach (var (t, name) in new[] { (runningMean, "running mean"), (runningVar, "running variance"), (weight, "weight"), (bias, "bias") })
            if (t is not null && (t.Dim != 1 || t.ShapeArray[0] != channels || !t.DType.IsFloatingPoint()))
                throw new ArgumentException($"BatchNorm: the {name} should be a floating-point [{channels}] (one value per channel of input {Shapes.Format(input.ShapeArray)}), got {t.DType.TorchName()} {Shapes.Format(t.ShapeArray)}.");
        if ((runningMean is null) != (runningVar is null))
            throw new ArgumentException("BatchNorm: give both running statistics (mean and variance) or neither.");
        if (!training && runningMean is null)
            throw new ArgumentException("BatchNorm: evaluation mode (training = false) needs the running mean and variance.");
        if (training && input.NumEl / Math.Max(channels, 1) <= 1)
            throw new ArgumentException($"BatchNorm: expected more than 1 value per channel when training, got input shape {Shapes.Format(input.ShapeArray)}.");
    }

    /// <summary>The values of a per-channel [C] tensor as doubles.</summary>
    private static double[] ChannelValues(Tensor t) => t.Detach().ToArray<double>();

    /// <summary>A [C] tensor of the given dtype holding per-channel values.</summary>
    private static Tensor ChannelTensor(double[] values, DType dtype) => FromArray(values, values.Length).To(dtype);

    /// <summary>Per-channel values in the kernels' element type.</summary>
    private static T[] Cast<T>(IEnumerable<double> values) where T : INumber<T> => values.Select(v => T.CreateTruncating(v)).ToArray();
}
