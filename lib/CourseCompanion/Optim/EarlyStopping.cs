namespace CourseCompanion.Optim;

/// <summary>
/// Stops training when the validation loss has not improved by at least <c>minDelta</c> for <c>patience</c>
/// epochs, and remembers the best epoch (whose weights a checkpoint callback keeps).
/// </summary>
public sealed class EarlyStopping(int patience = 5, double minDelta = 0)
{
    private int _sinceBest;

    /// <summary>Lowest loss seen.</summary>
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>Epoch (1-based count of <see cref="Step"/> calls) of the lowest loss.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>True once patience has run out.</summary>
    public bool ShouldStop { get; private set; }

    /// <summary>True when the last reported loss was a new best.</summary>
    public bool Improved { get; private set; }

    private int _epoch;

    /// <summary>Reports one epoch's validation loss; returns <see cref="ShouldStop"/>.</summary>
    public bool Step(double loss)
    {
        _epoch++;
        Improved = loss < BestLoss - minDelta;
        if (Improved) { BestLoss = loss; BestEpoch = _epoch; _sinceBest = 0; }
        else if (++_sinceBest >= patience) ShouldStop = true;
        return ShouldStop;
    }
}
