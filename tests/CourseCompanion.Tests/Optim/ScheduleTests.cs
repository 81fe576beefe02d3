using CourseCompanion.Optim;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Optim;

/// <summary>Learning-rate schedules, plateau reduction, clipping and early stopping against exact values.</summary>
public class ScheduleTests
{
    private static Sgd NewSgd(double lr = 1.0) => new([Tensor.Zeros(1).RequiresGrad_()], lr);

    private static double[] Run(LRScheduler s, int epochs)
    {
        var rates = new List<double> { s.LearningRate };
        for (int i = 0; i < epochs; i++) { s.Step(); rates.Add(s.LearningRate); }
        return rates.ToArray();
    }

    [Fact]
    public void StepLRDecaysEveryStepSizeEpochs() =>
        Assert.Equal([1.0, 1.0, 0.5, 0.5, 0.25], Run(new StepLR(NewSgd(), stepSize: 2, gamma: 0.5), 4));

    [Fact]
    public void ExponentialLRMultipliesEveryEpoch() =>
        Assert.Equal([2.0, 1.0, 0.5], Run(new ExponentialLR(NewSgd(2.0), gamma: 0.5), 2));

    [Fact]
    public void CosineAnnealingReachesEtaMinAtTMax()
    {
        var r = Run(new CosineAnnealingLR(NewSgd(), tMax: 4, etaMin: 0.1), 4);
        Assert.Equal(0.1 + 0.9 * (1 + Math.Cos(Math.PI / 4)) / 2, r[1], 12);
        Assert.Equal(0.55, r[2], 12);
        Assert.Equal(0.1, r[4], 12);
    }

    [Fact]
    public void LinearWarmupRampsThenHolds()
    {
        var s = new LinearWarmupLR(NewSgd(), warmupEpochs: 4, startFactor: 0.2);
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0, 1.0], s.LearningRateAt(0) is var first ? new[] { first }.Concat(Run(s, 5).Skip(1)).Select(v => Math.Round(v, 12)) : []);
    }

    [Fact]
    public void CyclicLRIsATriangle() =>
        Assert.Equal([0.1, 0.55, 1.0, 0.55, 0.1, 0.55], Run(new CyclicLR(NewSgd(), 0.1, 1.0, stepSize: 2), 5).Select(v => Math.Round(v, 12)));

    [Fact]
    public void ReduceOnPlateauWaitsForPatienceThenCuts()
    {
        var opt = NewSgd();
        var s = new ReduceLROnPlateau(opt, factor: 0.5, patience: 2);
        foreach (var loss in new[] { 1.0, 0.9, 0.95, 0.95 }) s.Step(loss);
        Assert.Equal(1.0, opt.LearningRate);
        s.Step(0.95);
        Assert.Equal(0.5, opt.LearningRate);
    }

    [Fact]
    public void ClipByNormScalesToTheMaximumAndReturnsTheOldNorm()
    {
        var p = Tensor.Zeros(2).RequiresGrad_();
        p.Grad = Tensor.FromArray([3f, 4f]);
        double norm = ClipGrad.Norm([p], maxNorm: 1.0);
        Assert.Equal(5.0, norm, 6);
        Assert.Equal([0.6f, 0.8f], p.Grad.ToArray<float>().Select(v => MathF.Round(v, 5)));
    }

    [Fact]
    public void ClipByValueClamps()
    {
        var p = Tensor.Zeros(3).RequiresGrad_();
        p.Grad = Tensor.FromArray([-3f, 0.5f, 9f]);
        ClipGrad.Value([p], 1.0);
        Assert.Equal([-1f, 0.5f, 1f], p.Grad.ToArray<float>());
    }

    [Fact]
    public void EarlyStoppingRemembersTheBestEpochAndStopsAfterPatience()
    {
        var stop = new EarlyStopping(patience: 2, minDelta: 0.01);
        Assert.False(stop.Step(1.0));
        Assert.False(stop.Step(0.8));
        Assert.False(stop.Step(0.795)); // not better by minDelta
        Assert.True(stop.Step(0.9));
        Assert.Equal(2, stop.BestEpoch);
        Assert.Equal(0.8, stop.BestLoss);
    }
}
