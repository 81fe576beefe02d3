using CourseCompanion.Metrics;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Metrics;

public class AccuracyTests
{
    private static readonly Tensor Logits = Tensor.FromArray(new float[]
    {
        2.0f, 1.0f, 0.1f,   // predicts 0
        0.5f, 0.2f, 3.0f,   // predicts 2
        1.0f, 1.0f, 0.0f,   // tie: argmax takes the first, 0
        0.1f, 0.3f, 0.2f,   // predicts 1
    }, 4, 3);

    [Fact]
    public void AccuracyFromLogitsOrLabels()
    {
        var labels = Tensor.FromArray(new long[] { 0, 1, 1, 1 });
        Assert.Equal(0.5, Accuracy.Of(Logits, labels));
        Assert.Equal(0.75, Accuracy.Of(Tensor.FromArray(new long[] { 0, 2, 1, 1 }), labels));
        Assert.Throws<ArgumentException>(() => Accuracy.Of(Logits, Tensor.FromArray(new long[] { 0, 1 })));
    }

    [Fact]
    public void TopKCountsTheTrueClassAmongTheKBest()
    {
        var labels = Tensor.FromArray(new long[] { 2, 1, 1, 0 });
        // ranks of the true class: 3rd, 3rd, shares 1st, 3rd
        Assert.Equal(0.25, Accuracy.TopK(Logits, labels, 1));
        Assert.Equal(0.25, Accuracy.TopK(Logits, labels, 2));
        Assert.Equal(1.0, Accuracy.TopK(Logits, labels, 3));
        Assert.Equal(Accuracy.Of(Logits, Tensor.FromArray(new long[] { 0, 2, 0, 1 })), Accuracy.TopK(Logits, Tensor.FromArray(new long[] { 0, 2, 0, 1 }), 1));
    }
}
