using CourseCompanion.Checks;
using CourseCompanion.Classical;
using CourseCompanion.Data;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Classical;

public class PerceptronTests
{
    private static (Tensor X, Tensor Y) SeparableBlobs()
    {
        var (x, labels) = Synthetic.Blobs(100, new double[,] { { -2, -2 }, { 2, 2 } }, std: 0.7, generator: new Generator(1));
        return (x, labels.Double() * 2 - 1);
    }

    [Fact]
    public void OneOnlineStepFromZeroAddsTheMisclassifiedSample()
    {
        // w = 0 gives wᵀx = 0, sign(0) = +1 ≠ y = −1: misclassified, so w ← w + y x = −(1, 2, −1)
        var p = new Perceptron(2);
        p.FitOnline(Tensor.FromArray(new double[] { 2, -1 }, 1, 2), Tensor.FromArray(new double[] { -1 }), maxEpochs: 1);
        Assert.Equal(new double[] { -1, -2, 1 }, p.Weights);
        Assert.Equal(1, p.Updates);
        Assert.False(p.Converged);
    }

    [Fact]
    public void BothRulesConvergeOnSeparableData()
    {
        var (x, y) = SeparableBlobs();
        foreach (var p in new[] { new Perceptron(2).FitOnline(x, y), new Perceptron(2).FitBatch(x, y) })
        {
            Assert.True(p.Converged);
            Assert.Equal(0, p.Errors(x, y));
            Assert.Equal(0, p.CriterionValue(x, y));
            Assert.Equal(p.Updates + 1, p.History.Count);
        }
    }

    [Fact]
    public void XorNeverConvergesAndTheCriterionStaysPositive()
    {
        var x = Tensor.FromArray(new double[] { 0, 0, 0, 1, 1, 0, 1, 1 }, 4, 2);
        var y = Tensor.FromArray(new double[] { -1, 1, 1, -1 });
        var p = new Perceptron(2).FitOnline(x, y, maxEpochs: 1000);
        Assert.False(p.Converged);
        Assert.Equal(1000, p.Epochs);
        Assert.True(p.Errors(x, y) >= 1);
        Assert.True(p.CriterionValue(x, y) >= 0);
    }

    [Fact]
    public void CriterionIsNonNegativeAndItsAutogradGradientIsMinusSumOverMisclassified()
    {
        var (x, y) = SeparableBlobs();
        var xa = Perceptron.Augment(x).Double();
        var w = Tensor.FromArray(new double[] { 0.3, -1.0, 0.4 }).RequiresGrad_();
        var d = Perceptron.Criterion(w, xa, y);
        Assert.True(d.Item() > 0);
        d.Backward();
        var rows = xa.ToArray<double>();
        var labels = y.ToArray<double>();
        var expected = new double[3];
        var wv = new[] { 0.3, -1.0, 0.4 };
        for (int i = 0; i < labels.Length; i++)
        {
            double z = wv[0] * rows[3 * i] + wv[1] * rows[3 * i + 1] + wv[2] * rows[3 * i + 2];
            if ((z >= 0 ? 1 : -1) != labels[i])
                for (int j = 0; j < 3; j++) expected[j] -= labels[i] * rows[3 * i + j];
        }
        var grad = w.Grad!.ToArray<double>();
        for (int j = 0; j < 3; j++) Assert.Equal(expected[j], grad[j], 9);
        // no sample lies on the boundary at this w, so finite differences agree
        Assert.True(GradientCheck.Run(t => Perceptron.Criterion(t[0], xa, y), [w.Detach()]).Passed);
        // and the value matches the model's own bookkeeping
        var p = new Perceptron(2);
        wv.CopyTo(p.Weights, 0);
        Assert.Equal(d.Item(), p.CriterionValue(x, y), 9);
    }

    [Fact]
    public void RejectsLabelsOtherThanPlusMinusOne() =>
        Assert.Throws<ArgumentException>(() => new Perceptron(2).FitOnline(Tensor.Zeros(2, 2), Tensor.FromArray(new double[] { 0, 1 })));
}
