using CourseCompanion.Metrics;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Metrics;

public class ConfusionMatrixTests
{
    // true [0,0,1,1,2,2,2], predicted [0,1,1,1,0,2,1]; expected values by hand, and equal to sklearn's
    // precision_score / recall_score / f1_score(average=None and 'macro') on the same lists.
    private static readonly ConfusionMatrix M = new(Tensor.FromArray(new long[] { 0, 1, 1, 1, 0, 2, 1 }), Tensor.FromArray(new long[] { 0, 0, 1, 1, 2, 2, 2 }));

    [Fact]
    public void CountsHaveTrueClassesDownAndPredictionsAcross()
    {
        Assert.Equal(3, M.NumClasses);
        Assert.Equal(new long[] { 1, 1, 0, 0, 2, 0, 1, 1, 1 }, M.ToTensor().ToArray<long>());
        Assert.Equal(1, M[2, 0]);
        Assert.Equal(4.0 / 7, M.Accuracy, 12);
        Assert.Contains("true\\pred", M.ToString());
    }

    [Fact]
    public void PrecisionRecallF1PerClassAndMacro()
    {
        Assert.Equal([0.5, 0.5, 1.0], M.Precision());
        Assert.Equal([0.5, 1.0, 1.0 / 3], M.Recall());
        var f1 = M.F1();
        Assert.Equal(0.5, f1[0], 12);
        Assert.Equal(2.0 / 3, f1[1], 12);
        Assert.Equal(0.5, f1[2], 12);
        Assert.Equal(2.0 / 3, M.MacroPrecision, 12);
        Assert.Equal(11.0 / 18, M.MacroRecall, 12);
        Assert.Equal(5.0 / 9, M.MacroF1, 12);
    }

    [Fact]
    public void NeverPredictedClassHasPrecisionAndF1Zero()
    {
        var m = new ConfusionMatrix(Tensor.FromArray(new long[] { 0, 0, 0 }), Tensor.FromArray(new long[] { 0, 1, 1 }));
        Assert.Equal([1.0 / 3, 0], m.Precision());
        Assert.Equal([1.0, 0], m.Recall());
        Assert.Equal([0.5, 0], m.F1());
    }

    [Fact]
    public void LogitsAreTurnedIntoPredictionsAndLabelsAreRangeChecked()
    {
        var logits = Tensor.FromArray(new float[] { 0.9f, 0.1f, 0.2f, 0.8f }, 2, 2);
        var m = new ConfusionMatrix(logits, Tensor.FromArray(new long[] { 1, 1 }), numClasses: 3);
        Assert.Equal(new long[] { 0, 0, 0, 1, 1, 0, 0, 0, 0 }, m.ToTensor().ToArray<long>());
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(logits, Tensor.FromArray(new long[] { 1, 2 }), numClasses: 2));
    }
}
