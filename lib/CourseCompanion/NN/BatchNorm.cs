using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Batch normalisation (Ioffe &amp; Szegedy 2015), the part <see cref="BatchNorm1d"/> and <see cref="BatchNorm2d"/> share
/// (PyTorch's <c>_BatchNorm</c>). Each channel c (dimension 1) is normalised over the batch and all positions:
/// x̂ = (x − μ_B) / √(σ²_B + ε), y = γ·x̂ + β, with γ = <see cref="Weight"/> (init 1) and β = <see cref="Bias"/> (init 0).
/// <para>
/// In training mode μ_B and σ²_B are the batch's mean and <em>biased</em> variance (divide by n), and the running
/// estimates are updated as r ← (1 − m)·r + m·s with momentum m = 0.1, using the <em>unbiased</em> variance (divide by n − 1)
/// for the running variance, exactly as PyTorch; momentum null means a cumulative average (m = 1/batches seen).
/// In evaluation mode (<see cref="Module.Eval"/>) the running estimates replace the batch statistics, so the output of
/// one sample no longer depends on the rest of the batch. Without running statistics both modes use the batch's.
/// </para>
/// <para>The computation is the fused <see cref="Tensor.BatchNorm"/>, PyTorch's <c>F.batch_norm</c>.</para>
/// </summary>
public abstract class BatchNorm : Module
{
    /// <summary>Number of channels C.</summary>
    public int NumFeatures { get; }

    /// <summary>ε added to the variance.</summary>
    public double Eps { get; }

    /// <summary>Weight of the new batch in the running averages; null for a cumulative average.</summary>
    public double? Momentum { get; }

    /// <summary>γ [C], or null without affine parameters.</summary>
    public Tensor? Weight { get; }

    /// <summary>β [C], or null without affine parameters.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean [C] (buffer), or null when running statistics are not tracked.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running (unbiased) variance [C] (buffer), or null when running statistics are not tracked.</summary>
    public Tensor? RunningVar { get; }

    /// <summary>Number of training batches seen, a 0-dimensional int64 buffer, or null when running statistics are not tracked.</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <summary>Registers γ, β (when <paramref name="affine"/>) and the running statistics (when <paramref name="trackRunningStats"/>) in PyTorch's names.</summary>
    protected BatchNorm(int numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, DType dtype)
    {
        if (numFeatures <= 0) throw new ArgumentOutOfRangeException(nameof(numFeatures), numFeatures, $"{GetType().Name}: numFeatures must be positive.");
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        if (affine)
        {
            Weight = RegisterParameter("weight", Tensor.Ones([numFeatures], dtype));
            Bias = RegisterParameter("bias", Tensor.Zeros([numFeatures], dtype));
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures], dtype));
            RunningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures], dtype));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.Scalar(0, DType.Int64));
        }
    }

    /// <summary>Throws unless the input has a shape this variant accepts (e.g. [N, C, H, W] for BatchNorm2d).</summary>
    protected abstract void CheckInput(Tensor input);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        CheckInput(input);
        if (input.Size(1) != NumFeatures)
            throw new ArgumentException($"{GetType().Name}: expected {NumFeatures} channels in dimension 1, got input shape [{string.Join(", ", input.Shape)}].");
        if (Training && input.NumEl / NumFeatures <= 1)
            throw new ArgumentException($"{GetType().Name}: expected more than 1 value per channel when training, got input shape [{string.Join(", ", input.Shape)}].");
        double momentum = 0;
        if (Training && RunningMean is not null)
        {
            using (Autograd.NoGrad()) NumBatchesTracked!.Add_(Tensor.Scalar(1, DType.Int64));
            momentum = Momentum ?? 1.0 / NumBatchesTracked.Item();
        }
        // batch statistics (μ_B, σ²_B) in training or without running estimates; the op updates the running estimates in training
        return Tensor.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, training: Training || RunningMean is null, momentum, Eps);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture,
        $"{NumFeatures}, eps={PythonRepr.Float(Eps)}, momentum={(Momentum is double m ? PythonRepr.Float(m) : "None")}, affine={PythonRepr.Bool(Weight is not null)}, track_running_stats={PythonRepr.Bool(RunningMean is not null)}");
}
