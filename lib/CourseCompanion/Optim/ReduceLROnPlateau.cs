namespace CourseCompanion.Optim;

/// <summary>
/// Multiplies the learning rate by <c>factor</c> when a monitored loss has not improved by more than
/// <c>threshold</c> (relative) for <c>patience</c> epochs, as <c>torch.optim.lr_scheduler.ReduceLROnPlateau</c> in "min" mode.
/// </summary>
public sealed class ReduceLROnPlateau(Optimizer optimizer, double factor = 0.1, int patience = 10, double threshold = 1e-4, double minLr = 0)
{
    private double _best = double.PositiveInfinity;
    private int _badEpochs;

    /// <summary>The optimizer whose rate is reduced.</summary>
    public Optimizer Optimizer { get; } = optimizer;

    /// <summary>Reports this epoch's validation loss; reduces the rate after too many epochs without improvement.</summary>
    public void Step(double loss)
    {
        if (loss < _best * (1 - threshold)) { _best = loss; _badEpochs = 0; return; }
        if (++_badEpochs <= patience) return;
        Optimizer.LearningRate = Math.Max(minLr, Optimizer.LearningRate * factor);
        _badEpochs = 0;
    }
}
