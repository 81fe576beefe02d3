using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>DropConnect: weights (not activations) are masked in training, the plain layer in evaluation.</summary>
public class DropConnectTests
{
    [Fact]
    public void EvaluationModeIsThePlainLinearLayer()
    {
        var layer = new DropConnect(5, 3, p: 0.5, generator: new Generator(1));
        layer.Eval();
        var x = Tensor.Randn([4, 5], new Generator(2));
        var expected = x.MatMul(layer.Weight.T) + layer.Bias!;
        Assert.True((layer.Forward(x) - expected).Abs().Max().Item() < 1e-6);
    }

    [Fact]
    public void TrainingMasksIndividualWeightsWithInvertedScaling()
    {
        var layer = new DropConnect(200, 100, p: 0.3, generator: new Generator(3));
        var x = Tensor.Randn([2, 200], new Generator(4));
        var y = layer.Forward(x);
        var mask = layer.LastMask!;
        var values = mask.Reshape(-1).ToArray<float>();
        Assert.All(values, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.7) < 1e-6));
        double dropped = values.Count(v => v == 0) / (double)values.Length;
        Assert.InRange(dropped, 0.28, 0.32);
        var expected = x.MatMul((layer.Weight * mask).T) + layer.Bias!;
        Assert.True((y - expected).Abs().Max().Item() < 1e-5);
        // a whole row of the mask is not zero at once: units survive, single connections do not
        Assert.True(mask.Sum(1).Min().Item() > 0);
    }

    [Fact]
    public void GradientReachesOnlyKeptWeights()
    {
        var layer = new DropConnect(6, 4, p: 0.5, generator: new Generator(5));
        layer.Forward(Tensor.Randn([3, 6], new Generator(6))).Sum().Backward();
        var grad = layer.Weight.Grad!.Reshape(-1).ToArray<float>();
        var mask = layer.LastMask!.Reshape(-1).ToArray<float>();
        for (int i = 0; i < mask.Length; i++) if (mask[i] == 0) Assert.Equal(0f, grad[i]);
        Assert.Contains(grad, g => g != 0);
    }
}
