using System.Globalization;

namespace CourseCompanion.Training;

/// <summary>One epoch's averages: training loss and accuracy, and validation loss and accuracy when a validation set is given.</summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double? TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy)
{
    /// <summary>"epoch 3: train loss 0.4123, acc 85.20% | val loss 0.4410, acc 84.10%": no timings, so notebook output is reproducible.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = string.Create(inv, $"epoch {Epoch}: train loss {TrainLoss:F4}");
        if (TrainAccuracy is double a) text += string.Create(inv, $", acc {a * 100:F2}%");
        if (ValidationLoss is double vl) text += string.Create(inv, $" | val loss {vl:F4}");
        if (ValidationAccuracy is double va) text += string.Create(inv, $", acc {va * 100:F2}%");
        return text;
    }
}
