using System.Diagnostics;
using CourseCompanion.Reference;
using CourseCompanion.Tensors;
using Xunit.Abstractions;

namespace CourseCompanion.Tests.Reference;

/// <summary>The reference network trains on real data as the exercises' TestNeuralNetwork does (seeded, a few seconds each).</summary>
public sealed class ReferenceIntegrationTests(ITestOutputHelper output)
{
    [Fact]
    public void TwoLayerNetworkOnIris()
    {
        var watch = Stopwatch.StartNew();
        var data = ExerciseDataLayer.Iris(batchSize: 50, seed: 7);
        // the exercises' Iris network: FC(4, 3) → ReLU → FC(3, 3) → SoftMax with Adam; a hidden width of 8 instead of 3
        // keeps one unlucky dead ReLU from deciding the test
        var net = new NeuralNetwork(new Adam(1e-2, 0.9, 0.999), new UniformRandom(new Generator(1)), new Constant(0.1))
        {
            DataLayer = data,
            LossLayer = new CrossEntropyLoss(),
        };
        net.AppendLayer(new FullyConnected(4, 8));
        net.AppendLayer(new ReLU());
        net.AppendLayer(new FullyConnected(8, 3));
        net.AppendLayer(new SoftMax());
        net.Train(600);
        double accuracy = ExerciseDataLayer.Accuracy(net.Test(data.TestInput), data.TestLabel);
        output.WriteLine($"Iris test accuracy {accuracy:P1}, loss {net.Loss[0]:F2} → {net.Loss[^1]:F2}, {watch.ElapsedMilliseconds} ms");
        Assert.True(net.Loss[^1] < net.Loss[0], "Possible reason: the loss does not decrease: are the weights updated in Backward (Optimizer.CalculateUpdate)?");
        Assert.True(accuracy > 0.9, $"Iris test accuracy {accuracy:P1} ≤ 90 %. Possible reason: the softmax/cross-entropy backward or the weight update is wrong; run LayerCheck on each layer.");
    }

    [Fact]
    public void SmallCnnOnDigits()
    {
        var watch = Stopwatch.StartNew();
        // the exercises train 100 iterations of 150; 50 of 32 keep the test to a few seconds in a Debug build
        var data = ExerciseDataLayer.Digits(batchSize: 32, seed: 11);
        var net = new NeuralNetwork(new Adam(5e-3, 0.9, 0.999), new He(new Generator(2)), new Constant(0.1))
        {
            DataLayer = data,
            LossLayer = new CrossEntropyLoss(),
        };
        net.AppendLayer(new Conv([1, 1], [1, 3, 3], 4));
        net.AppendLayer(new ReLU());
        net.AppendLayer(new Pooling([2, 2], [2, 2]));
        net.AppendLayer(new Flatten());
        net.AppendLayer(new FullyConnected(4 * 4 * 4, 32));
        net.AppendLayer(new ReLU());
        net.AppendLayer(new FullyConnected(32, 10));
        net.AppendLayer(new SoftMax());
        net.Train(50);
        double accuracy = ExerciseDataLayer.Accuracy(net.Test(data.TestInput), data.TestLabel);
        output.WriteLine($"Digits test accuracy {accuracy:P1}, loss {net.Loss[0]:F1} → {net.Loss[^1]:F1}, {watch.ElapsedMilliseconds} ms");
        Assert.True(accuracy > 0.5, $"digits test accuracy {accuracy:P1} ≤ 50 %. Possible reason: Conv or Pooling backward is wrong; run LayerCheck on them.");
    }
}
