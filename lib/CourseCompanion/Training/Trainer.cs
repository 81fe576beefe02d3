using CourseCompanion.Data;
using CourseCompanion.Losses;
using CourseCompanion.NN;
using CourseCompanion.Optim;
using CourseCompanion.Plots;
using CourseCompanion.Tensors;

namespace CourseCompanion.Training;

/// <summary>
/// The plain training loop, for when a chapter's point is not the loop itself: per batch ZeroGrad, Forward,
/// loss, Backward, Step; per epoch averages, optional validation, a learning-rate schedule, early stopping,
/// a best-weights checkpoint and a <see cref="TrainingCurve"/>. Accuracy is reported when targets are class indices.
/// </summary>
public sealed class Trainer(Module model, Loss loss, Optimizer optimizer)
{
    /// <summary>Stepped once per epoch, after the epoch's updates.</summary>
    public LRScheduler? Scheduler { get; init; }

    /// <summary>Stops training when the validation loss (else the training loss) stops improving.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>When set, the weights of the best epoch (lowest monitored loss) are saved here and restored at the end.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Prints each epoch's <see cref="EpochResult"/> line.</summary>
    public bool Verbose { get; init; } = true;

    /// <summary>Called after each epoch, e.g. to update a displayed <see cref="Curve"/>.</summary>
    public Action<EpochResult>? OnEpoch { get; init; }

    /// <summary>Losses and accuracies per epoch, for display after (or during) training.</summary>
    public TrainingCurve Curve { get; } = new();

    /// <summary>Trains for up to <paramref name="epochs"/> epochs and returns every epoch's result.</summary>
    public IReadOnlyList<EpochResult> Fit(DataLoader train, int epochs, DataLoader? validation = null)
    {
        var history = new List<EpochResult>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            model.Train();
            var (trainLoss, trainAccuracy) = RunEpoch(train, update: true);
            (double Loss, double? Accuracy)? val = validation is null ? null : Evaluate(validation);
            var result = new EpochResult(epoch, trainLoss, trainAccuracy, val?.Loss, val?.Accuracy);
            history.Add(result);
            Record(result);
            Scheduler?.Step();
            double monitored = val?.Loss ?? trainLoss;
            bool stop = EarlyStopping?.Step(monitored) ?? false;
            if (CheckpointPath is not null && (EarlyStopping?.Improved ?? monitored <= history.Min(h => h.ValidationLoss ?? h.TrainLoss)))
                model.Save(CheckpointPath);
            if (stop) break;
        }
        if (CheckpointPath is not null && File.Exists(CheckpointPath)) model.Load(CheckpointPath);
        model.Eval();
        return history;
    }

    /// <summary>Average loss (and accuracy, for class targets) over a dataset, in evaluation mode and without a graph.</summary>
    public (double Loss, double? Accuracy) Evaluate(DataLoader data)
    {
        model.Eval();
        using (Autograd.NoGrad()) return RunEpoch(data, update: false);
    }

    private (double Loss, double? Accuracy) RunEpoch(DataLoader data, bool update)
    {
        double lossSum = 0;
        long correct = 0, count = 0;
        bool classification = true;
        foreach (var (x, y) in data)
        {
            var output = model.Forward(x);
            var batchLoss = loss.Forward(output, y);
            if (update)
            {
                optimizer.ZeroGrad();
                batchLoss.Backward();
                optimizer.Step();
            }
            int n = x.Size(0);
            lossSum += batchLoss.Item() * n;
            count += n;
            classification &= y.DType == DType.Int64 && output.Dim == y.Dim + 1;
            if (classification) correct += (long)output.Detach().Argmax(1).Eq(y).Sum().Item();
        }
        if (count == 0) throw new InvalidOperationException("Trainer: the data loader yielded no batches.");
        return (lossSum / count, classification ? (double)correct / count : null);
    }

    private void Record(EpochResult r)
    {
        Curve.Add(r.Epoch, "train loss", r.TrainLoss);
        if (r.ValidationLoss is double vl) Curve.Add(r.Epoch, "val loss", vl);
        if (r.TrainAccuracy is double ta) Curve.Add(r.Epoch, "train acc", ta);
        if (r.ValidationAccuracy is double va) Curve.Add(r.Epoch, "val acc", va);
        if (Verbose) Console.WriteLine(r);
        OnEpoch?.Invoke(r);
    }
}
