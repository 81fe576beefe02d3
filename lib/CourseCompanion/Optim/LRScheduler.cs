namespace CourseCompanion.Optim;

/// <summary>
/// Base of learning-rate schedules, as <c>torch.optim.lr_scheduler</c>: call <see cref="Step"/> once per epoch
/// (or per batch, as the schedule intends); it sets the optimizer's learning rate for the next epoch.
/// </summary>
public abstract class LRScheduler
{
    /// <summary>Attaches to an optimizer and applies the schedule's value for epoch 0.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        Optimizer = optimizer;
        BaseLearningRate = optimizer.InitialLearningRate;
        // safe: derived schedules keep their settings in primary-constructor captures, assigned before this runs
        Optimizer.LearningRate = LearningRateAt(0);
    }

    /// <summary>The optimizer whose learning rate this schedule sets.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The optimizer's initial learning rate.</summary>
    protected double BaseLearningRate { get; }

    /// <summary>Number of <see cref="Step"/> calls so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>The learning rate the optimizer uses now.</summary>
    public double LearningRate => Optimizer.LearningRate;

    /// <summary>Advances the schedule by one epoch and updates the optimizer's learning rate.</summary>
    public void Step()
    {
        Epoch++;
        Optimizer.LearningRate = LearningRateAt(Epoch);
    }

    /// <summary>The learning rate for a given epoch.</summary>
    public abstract double LearningRateAt(int epoch);
}

/// <summary>Multiplies the rate by γ every <c>stepSize</c> epochs: η·γ^⌊t/s⌋.</summary>
public sealed class StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    public override double LearningRateAt(int epoch) => BaseLearningRate * Math.Pow(gamma, epoch / stepSize);
}

/// <summary>Multiplies the rate by γ every epoch: η·γᵗ.</summary>
public sealed class ExponentialLR(Optimizer optimizer, double gamma) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    public override double LearningRateAt(int epoch) => BaseLearningRate * Math.Pow(gamma, epoch);
}

/// <summary>Half a cosine from η down to ηmin over tMax epochs: ηmin + (η − ηmin)(1 + cos(πt/tMax))/2.</summary>
public sealed class CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    public override double LearningRateAt(int epoch) =>
        etaMin + (BaseLearningRate - etaMin) * (1 + Math.Cos(Math.PI * Math.Min(epoch, tMax) / tMax)) / 2;
}

/// <summary>Linear warm-up from startFactor·η to η over warmupEpochs, then constant (or another schedule's value via <c>after</c>).</summary>
public sealed class LinearWarmupLR(Optimizer optimizer, int warmupEpochs, double startFactor = 0.1, Func<int, double>? after = null) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    public override double LearningRateAt(int epoch) => epoch < warmupEpochs
        ? BaseLearningRate * (startFactor + (1 - startFactor) * epoch / warmupEpochs)
        : after?.Invoke(epoch - warmupEpochs) ?? BaseLearningRate;
}

/// <summary>Triangular cyclic rate (Smith 2017) between baseLr and maxLr with a half-cycle of stepSize steps.</summary>
public sealed class CyclicLR(Optimizer optimizer, double baseLr, double maxLr, int stepSize) : LRScheduler(optimizer)
{
    /// <inheritdoc/>
    public override double LearningRateAt(int epoch)
    {
        double cycle = Math.Floor(1 + epoch / (2.0 * stepSize));
        double x = Math.Abs(epoch / (double)stepSize - 2 * cycle + 1);
        return baseLr + (maxLr - baseLr) * Math.Max(0, 1 - x);
    }
}
