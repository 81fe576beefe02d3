using CourseCompanion.Reference;
using CourseCompanion.Tensors;
using Lib = CourseCompanion;

namespace CourseCompanion.Tests.Reference;

/// <summary>
/// The hand-written reference agrees with the autograd library on the same weights: NN.Linear, the tensor
/// activations, Losses.CrossEntropyLoss, the Optim optimizers, and NN.Conv2d, NN.MaxPool2d and NN.BatchNorm2d.
/// (The LSTM orders its gates differently from NN.LSTM and is checked against PyTorch's instead.)
/// </summary>
public sealed class ReferenceAgreementTests
{
    private static double MaxDiff(Tensor a, Tensor b) => (a.Double() - b.Double()).Abs().Max().Item();

    [Fact]
    public void FullyConnectedAgreesWithLinear()
    {
        var linear = new Lib.NN.Linear(4, 3, generator: new Generator(1));
        var fc = new FullyConnected(4, 3)
        {
            Weights = Tensor.Cat([linear.Weight.Detach().Double().T, linear.Bias!.Detach().Double().Reshape(1, 3)], 0),
        };
        var x = Tensor.Randn([6, 4], new Generator(2), DType.Float64);
        var upstream = Tensor.Randn([6, 3], new Generator(3), DType.Float64);

        var x32 = x.Float().Clone().RequiresGrad_();
        var y = linear.Forward(x32);
        var grads = Autograd.Grad((y * upstream.Float()).Sum(), [x32, linear.Weight, linear.Bias!]);

        Assert.True(MaxDiff(fc.Forward(x), y) < 1e-5);
        var dx = fc.Backward(upstream);
        Assert.True(MaxDiff(dx, grads[0]) < 1e-5);
        Assert.True(MaxDiff(fc.GradientWeights!.Narrow(0, 0, 4), grads[1].T) < 1e-5);
        Assert.True(MaxDiff(fc.GradientWeights!.Narrow(0, 4, 1).Reshape(3), grads[2]) < 1e-5);
    }

    public static TheoryData<string> Activations => new() { "relu", "sigmoid", "tanh", "softmax" };

    [Theory]
    [MemberData(nameof(Activations))]
    public void ActivationsAgreeWithAutograd(string name)
    {
        ILayer layer = name switch { "relu" => new ReLU(), "sigmoid" => new Sigmoid(), "tanh" => new TanH(), _ => new SoftMax() };
        Func<Tensor, Tensor> op = name switch
        {
            "relu" => t => t.Relu(), "sigmoid" => t => t.Sigmoid(), "tanh" => t => t.Tanh(), _ => t => t.Softmax(1),
        };
        var x = Tensor.Randn([5, 4], new Generator(4), DType.Float64);
        x = x + x.Sign() * 0.01;
        var upstream = Tensor.Randn([5, 4], new Generator(5), DType.Float64);
        var leaf = x.Clone().RequiresGrad_();
        var y = op(leaf);
        var grad = Autograd.Grad((y * upstream).Sum(), [leaf])[0];
        Assert.True(MaxDiff(layer.Forward(x), y) < 1e-14);
        Assert.True(MaxDiff(layer.Backward(upstream), grad) < 1e-14);
    }

    [Fact]
    public void SoftMaxWithCrossEntropyAgreesWithTheLibraryLoss()
    {
        var logits = Tensor.Randn([7, 5], new Generator(6), DType.Float64);
        var classes = Tensor.Randint(0, 5, [7], new Generator(7));
        var oneHot = Tensor.OneHot(classes, 5).Double();

        var leaf = logits.Clone().RequiresGrad_();
        var expected = new Lib.Losses.CrossEntropyLoss(reduction: Lib.Losses.Reduction.Sum).Forward(leaf, classes);
        var grad = Autograd.Grad(expected, [leaf])[0];

        var softmax = new SoftMax();
        var loss = new CrossEntropyLoss();
        double value = loss.Forward(softmax.Forward(logits), oneHot);
        Assert.Equal(expected.Item(), value, 10);
        Assert.True(MaxDiff(softmax.Backward(loss.Backward(oneHot)), grad) < 1e-10);
    }

    public static TheoryData<string> Optimizers => new() { "sgd", "momentum", "adam", "sgd_l2" };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void OptimizersAgreeWithOptim(string name)
    {
        var start = Tensor.Randn([5], new Generator(8), DType.Float64);
        var p = start.Clone().RequiresGrad_();
        Lib.Optim.Optimizer library;
        IOptimizer reference;
        switch (name)
        {
            case "sgd": library = new Lib.Optim.Sgd([p], 0.1); reference = new Sgd(0.1); break;
            // the lecture's v = μv − ηg, w += v equals PyTorch's v = μv + g, w −= ηv for a constant η
            case "momentum": library = new Lib.Optim.Sgd([p], 0.1, momentum: 0.9); reference = new SgdWithMomentum(0.1, 0.9); break;
            case "adam": library = new Lib.Optim.Adam([p], 0.01, 0.9, 0.999, 1e-8); reference = new Adam(0.01, 0.9, 0.999, 1e-8); break;
            // the exercises' L2 regularizer (gradient α·w on the old weights) is SGD's weight decay α
            default: library = new Lib.Optim.Sgd([p], 0.1, weightDecay: 0.05); reference = new Sgd(0.1) { Regularizer = new L2Regularizer(0.05) }; break;
        }
        var w = start.Clone();
        foreach (var scale in new[] { 2.0, 1.0, -0.5, 0.25 })
        {
            var g = Tensor.Randn([5], new Generator((ulong)(scale * 100 + 1000)), DType.Float64) * scale;
            p.Grad = g.Clone();
            library.Step();
            w = reference.CalculateUpdate(w, g);
            Assert.True(MaxDiff(w, p.Detach()) < 1e-12, $"{name}: reference {w} vs library {p.Detach()}");
        }
    }

    /// <summary>Output and gradients of an autograd module for one input and upstream gradient (float32).</summary>
    private static (Tensor Output, Tensor[] Grads) Autograd32(Lib.NN.Module module, Tensor x, Tensor upstream, params Tensor[] parameters)
    {
        var x32 = x.Float().Clone().RequiresGrad_();
        var y = module.Forward(x32);
        return (y, Autograd.Grad((y * upstream.Float()).Sum(), [x32, .. parameters]));
    }

    private static void Load(Tensor target, Tensor values)
    {
        using (Autograd.NoGrad()) target.Copy_(values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ConvAgreesWithConv2dUsingSamePadding(int stride)
    {
        var conv = new Conv([stride, stride], [2, 3, 3], 4, new Generator(4));
        var module = new Lib.NN.Conv2d(2, 4, 3, stride: stride, padding: 1);
        Load(module.Weight, conv.Weights);
        Load(module.Bias!, conv.Bias);
        var x = Tensor.Randn([3, 2, 7, 6], new Generator(5), DType.Float64);
        var y = conv.Forward(x);
        var upstream = Tensor.Randn(y.Shape, new Generator(6), DType.Float64);
        var (expected, grads) = Autograd32(module, x, upstream, module.Weight, module.Bias!);
        Assert.True(MaxDiff(y, expected) < 1e-4, $"output differs by {MaxDiff(y, expected)}");
        Assert.True(MaxDiff(conv.Backward(upstream), grads[0]) < 1e-4);
        Assert.True(MaxDiff(conv.GradientWeights!, grads[1]) < 1e-4);
        Assert.True(MaxDiff(conv.GradientBias!, grads[2]) < 1e-4);
    }

    [Fact]
    public void PoolingAgreesWithMaxPool2d()
    {
        var pool = new Pooling([2, 2], [2, 2]);
        var module = new Lib.NN.MaxPool2d(2);
        var x = Tensor.Randn([2, 3, 6, 4], new Generator(7), DType.Float64);
        var y = pool.Forward(x);
        var upstream = Tensor.Randn(y.Shape, new Generator(8), DType.Float64);
        var (expected, grads) = Autograd32(module, x, upstream);
        Assert.True(MaxDiff(y, expected) < 1e-6);
        Assert.True(MaxDiff(pool.Backward(upstream), grads[0]) < 1e-6);
    }

    [Fact]
    public void BatchNormalizationAgreesWithBatchNorm2dInTraining()
    {
        var bn = new BatchNormalization(3, epsilon: 1e-5);
        var module = new Lib.NN.BatchNorm2d(3, eps: 1e-5);
        bn.Initialize(new Constant(1.5), new Constant(-0.5));
        Load(module.Weight!, bn.Weights);
        Load(module.Bias!, bn.Bias);
        var x = Tensor.Randn([4, 3, 5, 5], new Generator(9), DType.Float64) * 2 + 1;
        var y = bn.Forward(x);
        var upstream = Tensor.Randn(y.Shape, new Generator(10), DType.Float64);
        var (expected, grads) = Autograd32(module, x, upstream, module.Weight!, module.Bias!);
        Assert.True(MaxDiff(y, expected) < 1e-4, $"output differs by {MaxDiff(y, expected)}");
        Assert.True(MaxDiff(bn.Backward(upstream), grads[0]) < 1e-4);
        Assert.True(MaxDiff(bn.GradientWeights!, grads[1]) < 1e-3);
        Assert.True(MaxDiff(bn.GradientBias!, grads[2]) < 1e-3);
    }
}
