using CourseCompanion.Metrics;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Metrics;

public class RocCurveTests
{
    [Fact]
    public void DistinctScoresGiveOneStepPerExample()
    {
        // sklearn's roc_curve doc example: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8]
        var roc = RocCurve.From(Tensor.FromArray(new[] { 0.1, 0.4, 0.35, 0.8 }), Tensor.FromArray(new long[] { 0, 0, 1, 1 }));
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.FalsePositiveRate);
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.TruePositiveRate);
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], roc.Thresholds);
        Assert.Equal(0.75, roc.Auc, 12);
    }

    [Fact]
    public void TiedScoresCountAsHalfAPair()
    {
        // pairs (pos, neg): (1, .5) 1, (1, 0) 1, (.5, .5) ½, (.5, 0) 1 → 3.5 / 4
        var roc = RocCurve.From(Tensor.FromArray(new[] { 1.0, 0.5, 0.5, 0.0 }), Tensor.FromArray(new long[] { 1, 1, 0, 0 }));
        Assert.Equal([0, 0, 0.5, 1], roc.FalsePositiveRate);
        Assert.Equal([0, 0.5, 1, 1], roc.TruePositiveRate);
        Assert.Equal(0.875, roc.Auc, 12);
        Assert.Equal(0.5, RocCurve.From(Tensor.Full([6], 0.3), Tensor.FromArray(new long[] { 0, 1, 0, 1, 1, 0 })).Auc, 12);
    }

    [Fact]
    public void AucMatchesSklearnOnARandomCaseWithTies()
    {
        // From /usr/bin/python3 with scikit-learn 1.2.1:
        //   rng = np.random.default_rng(42); y = rng.integers(0, 2, 30); s = np.round(rng.random(30) * 0.6 + 0.3 * y, 1)
        //   roc_auc_score(y, s) == 0.8101851851851851
        long[] y = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0];
        double[] s = [0.1, 0.6, 0.3, 0.5, 0.4, 0.8, 0.2, 0.9, 0.5, 0.5, 0.4, 0.6, 0.3, 0.4, 0.7, 0.7, 0.9, 0.2, 0.5, 0.3, 0.4, 0.1, 0.3, 0.4, 0.7, 0.6, 0.5, 0.7, 0.5, 0.5];
        var roc = RocCurve.From(Tensor.FromArray(s), Tensor.FromArray(y));
        Assert.Equal(0.8101851851851851, roc.Auc, 12);
        Assert.Equal(10, roc.Thresholds.Count); // +∞ and the nine distinct scores, as roc_curve(drop_intermediate=False)
        Assert.Equal(5.0 / 12, roc.FalsePositiveRate[5], 12);
        Assert.Equal(2.0 / 3, roc.TruePositiveRate[5], 12);
    }

    [Fact]
    public void TwoColumnLogitsUseTheSoftmaxOfThePositiveClass()
    {
        // column 1 alone would rank example 0 (z1 = 2) above example 1 (z1 = 1); their softmax probabilities of class 1 say otherwise
        var logits = Tensor.FromArray(new float[] { 3, 2, -1, 1, 0, 0 }, 3, 2);
        var labels = Tensor.FromArray(new long[] { 0, 1, 0 });
        Assert.Equal(1.0, RocCurve.From(logits, labels).Auc, 12);
        Assert.Equal(0.5, RocCurve.From(logits.Select(1, 1).Contiguous(), labels).Auc, 12); // column 1 alone: [2, 1, 0]
        Assert.Equal(1.0, RocCurve.From(logits, labels, positiveClass: 0).Auc, 12); // class-0 probabilities .73, .12, .5
    }

    [Fact]
    public void OneClassOnlyIsAnError() =>
        Assert.Throws<ArgumentException>(() => RocCurve.From(Tensor.FromArray(new[] { 0.1, 0.2 }), Tensor.FromArray(new long[] { 1, 1 })));
}
