using CourseCompanion.Checks;
using CourseCompanion.Losses;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Losses;

/// <summary>Hinge, squared hinge and triplet loss: hand-computed values (chapter 3's exercise checks) and gradient checks away from kinks.</summary>
public class MarginLossTests
{
    private static readonly Tensor Scores = Tensor.FromArray([0.5, 0.5, 2.0]);
    private static readonly Tensor Signs = Tensor.FromArray([1.0, -1.0, 1.0]);

    [Fact]
    public void HingeLossSumsTheViolationsOfTheMargin()
    {
        // max(0, 1 − 0.5) + max(0, 1 + 0.5) + max(0, 1 − 2) = 0.5 + 1.5 + 0
        Assert.Equal(2.0, new HingeLoss(reduction: Reduction.Sum).Forward(Scores, Signs).Item(), 12);
        Assert.Equal(2.0 / 3, new HingeLoss().Forward(Scores, Signs).Item(), 12);
        Assert.Equal(0.7, new HingeLoss().Forward(Tensor.FromArray([0.3]), Tensor.FromArray([1.0])).Item(), 12);
    }

    [Fact]
    public void SquaredHingeLossSquaresEachViolation()
    {
        Assert.Equal(2.5, new SquaredHingeLoss(reduction: Reduction.Sum).Forward(Scores, Signs).Item(), 12);
        var perSample = new SquaredHingeLoss(reduction: Reduction.None).Forward(Scores, Signs).ToArray<double>();
        Assert.Equal([0.25, 2.25, 0.0], perSample.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void HingeGradientIsMinusTheLabelForViolatorsOnly()
    {
        var s = Scores.Clone().RequiresGrad_();
        new HingeLoss(reduction: Reduction.Sum).Forward(s, Signs).Backward();
        Assert.Equal([-1.0, 1.0, 0.0], s.Grad!.ToArray<double>().Select(v => v + 0.0));
    }

    [Fact]
    public void MarginLossesPassTheGradientCheckAwayFromTheKinks()
    {
        var scores = Tensor.FromArray([0.2, -0.7, 1.6, 0.4, -1.3, 2.5]);   // margins ±0.2 … away from 1
        var labels = Tensor.FromArray([1.0, 1.0, 1.0, -1.0, -1.0, -1.0]);
        Assert.True(GradientCheck.Run(t => new HingeLoss().Forward(t[0], labels), [scores]).Passed);
        Assert.True(GradientCheck.Run(t => new SquaredHingeLoss().Forward(t[0], labels), [scores]).Passed);
    }

    [Fact]
    public void TripletLossIsZeroOnceTheNegativeIsFarEnough()
    {
        var anchor = Tensor.FromArray([0.0, 0.0]);
        var positive = Tensor.FromArray([1.0, 0.0]);
        var loss = new TripletLoss(margin: 0.2);
        Assert.Equal(0.0, loss.Forward(anchor, positive, Tensor.FromArray([0.0, 2.0])).Item(), 12);    // 0.2 + 1 − 4 < 0
        Assert.Equal(0.2, loss.Forward(anchor, positive, Tensor.FromArray([0.0, 1.0])).Item(), 12);    // 0.2 + 1 − 1
    }

    [Fact]
    public void TripletLossAveragesOverABatchWithSquaredDistances()
    {
        var a = Tensor.FromArray(new double[,] { { 0, 0 }, { 1, 1 } });
        var p = Tensor.FromArray(new double[,] { { 0, 1 }, { 1, 1 } });
        var n = Tensor.FromArray(new double[,] { { 2, 0 }, { 1, 1.5 } });
        // triplet 1: 0.5 + 1 − 4 → 0; triplet 2: 0.5 + 0 − 0.25 = 0.25
        Assert.Equal(0.125, new TripletLoss(0.5).Forward(a, p, n).Item(), 12);
        Assert.Equal([0.0, 0.25], new TripletLoss(0.5, Reduction.None).Forward(a, p, n).ToArray<double>().Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void TripletLossPassesTheGradientCheckWhereActive()
    {
        var g = new Generator(3);
        var a = Tensor.Randn([4, 3], g, DType.Float64);
        var p = a + 0.5 * Tensor.Randn([4, 3], g, DType.Float64);
        var n = a + 0.3 * Tensor.Randn([4, 3], g, DType.Float64);
        var loss = new TripletLoss(margin: 5.0, Reduction.None);
        Assert.All(loss.Forward(a, p, n).ToArray<double>(), v => Assert.True(v > 0.1));   // every triplet active, away from the kink
        Assert.True(GradientCheck.Run(t => new TripletLoss(5.0).Forward(t[0], t[1], t[2]), [a, p, n]).Passed);
    }

    [Fact]
    public void TripletLossChecksShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new TripletLoss().Forward(Tensor.Zeros(2, 3), Tensor.Zeros(2, 3), Tensor.Zeros(2, 2)));
        Assert.Contains("same shape", e.Message);
    }
}
