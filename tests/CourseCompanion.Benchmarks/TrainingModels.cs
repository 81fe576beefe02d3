using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Benchmarks;

/// <summary>The four training-step workloads of the side-by-side benchmark; train_torch.py builds the same ones in PyTorch.</summary>
internal static class TrainingModels
{
    /// <summary>A workload: the model, one input batch and its class labels.</summary>
    public sealed record Workload(string Name, Module Model, Tensor Input, Tensor Labels);

    public static IEnumerable<Workload> All()
    {
        var g = new Generator(0);
        yield return new("mlp 784-256-128-10, batch 128",
            new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 128), new ReLU(), new Linear(128, 10)),
            Tensor.Randn([128, 784], g), Tensor.Randint(0, 10, [128], g));
        yield return new("lenet-5 28x28, batch 64",
            new Sequential(
                new Conv2d(1, 6, 5, padding: 2), new ReLU(), new MaxPool2d(2),
                new Conv2d(6, 16, 5), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(400, 120), new ReLU(), new Linear(120, 84), new ReLU(), new Linear(84, 10)),
            Tensor.Randn([64, 1, 28, 28], g), Tensor.Randint(0, 10, [64], g));
        yield return new("lstm in 32, hidden 128, 50 steps, batch 32",
            new LastStepClassifier(new LSTM(32, 128), new Linear(128, 10)),
            Tensor.Randn([50, 32, 32], g), Tensor.Randint(0, 10, [32], g));
        yield return new("cnn + batch norm 3x32x32, batch 64",
            new Sequential(
                new Conv2d(3, 32, 3, padding: 1), new BatchNorm2d(32), new ReLU(), new MaxPool2d(2),
                new Conv2d(32, 64, 3, padding: 1), new BatchNorm2d(64), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(64 * 8 * 8, 10)),
            Tensor.Randn([64, 3, 32, 32], g), Tensor.Randint(0, 10, [64], g));
    }

    /// <summary>An LSTM over [T, N, D] whose last output feeds a linear classifier.</summary>
    private sealed class LastStepClassifier : Module
    {
        private readonly LSTM _lstm;
        private readonly Linear _head;

        public LastStepClassifier(LSTM lstm, Linear head)
        {
            _lstm = RegisterModule("lstm", lstm);
            _head = RegisterModule("head", head);
        }

        public override Tensor Forward(Tensor input)
        {
            var (output, _) = _lstm.Forward(input);
            return _head.Forward(output.Select(0, output.Size(0) - 1));
        }
    }
}
