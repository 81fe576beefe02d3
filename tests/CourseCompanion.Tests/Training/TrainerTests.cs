using CourseCompanion.Data;
using CourseCompanion.Losses;
using CourseCompanion.NN;
using CourseCompanion.Optim;
using CourseCompanion.Tensors;
using CourseCompanion.Training;

namespace CourseCompanion.Tests.Training;

/// <summary>The fit loop learns, validates, stops early and restores the best checkpoint.</summary>
public class TrainerTests
{
    private static (DataLoader Train, DataLoader Val) Blobs()
    {
        var g = new Generator(1);
        var (x, y) = Synthetic.Blobs(400, classes: 3, generator: g);
        var train = new TensorDataset(x.Narrow(0, 0, 300), y.Narrow(0, 0, 300));
        var val = new TensorDataset(x.Narrow(0, 300, 100), y.Narrow(0, 300, 100));
        return (new DataLoader(train, 32, shuffle: true, generator: g), new DataLoader(val, 100));
    }

    [Fact]
    public void FitLearnsSeparableBlobsAndReportsAccuracy()
    {
        var (train, val) = Blobs();
        var model = new Sequential(new Linear(2, 16, generator: new Generator(2)), new Linear(16, 3, generator: new Generator(3)));
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Sgd(model.Parameters(), lr: 0.1)) { Verbose = false };
        var history = trainer.Fit(train, epochs: 15, validation: val);
        Assert.Equal(15, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 2, $"loss {history[0].TrainLoss} -> {history[^1].TrainLoss}");
        Assert.True(history[^1].ValidationAccuracy > 0.9, $"validation accuracy {history[^1].ValidationAccuracy}");
        Assert.False(model.Training);
        Assert.Contains("val acc", trainer.Curve.ToString());
    }

    [Fact]
    public void EarlyStoppingEndsTrainingAndTheBestWeightsComeBack()
    {
        var (train, val) = Blobs();
        var model = new Sequential(new Linear(2, 3, generator: new Generator(4)));
        var path = Path.Combine(Path.GetTempPath(), $"cc-trainer-{Guid.NewGuid():N}.safetensors");
        try
        {
            // a learning rate this large makes validation loss oscillate, so patience 2 stops long before 200 epochs
            var stopping = new EarlyStopping(patience: 2);
            var trainer = new Trainer(model, new CrossEntropyLoss(), new Sgd(model.Parameters(), lr: 50)) { Verbose = false, EarlyStopping = stopping, CheckpointPath = path };
            var history = trainer.Fit(train, epochs: 200, validation: val);
            Assert.True(history.Count < 200);
            Assert.Equal(stopping.BestEpoch + 2, history.Count);
            var restored = trainer.Evaluate(val).Loss;
            Assert.Equal(stopping.BestLoss, restored, 5);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void EpochLinesCarryNoTimings() =>
        Assert.Equal("epoch 2: train loss 0.5000, acc 75.00% | val loss 0.2500, acc 90.00%", new EpochResult(2, 0.5, 0.75, 0.25, 0.9).ToString());
}
