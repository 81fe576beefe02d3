using CourseCompanion.Reference;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Reference;

/// <summary>The exercises' known values (NeuralNetworkTests.py) and the syllabus's graded-exercise checks, on the reference classes.</summary>
public sealed class ReferenceKnownValueTests
{
    private static Tensor D(double v) => Tensor.Full([1], v, DType.Float64);
    private static double Sum(Tensor t) => t.Sum().Item();

    // ---------- optimizers (exercise 1–2 and syllabus Ex 3.2) ----------

    [Fact]
    public void SgdFirstSteps()
    {
        var sgd = new Sgd(1);
        var w = sgd.CalculateUpdate(D(1), D(1));
        Assert.Equal(0, w.Item(), 12);
        Assert.Equal(-1, sgd.CalculateUpdate(w, D(1)).Item(), 12);
        // ½w², w₀ = 1, η = 0.1 → 0.9, 0.81
        var half = new Sgd(0.1);
        var w1 = half.CalculateUpdate(D(1), D(1));
        Assert.Equal(0.9, w1.Item(), 12);
        Assert.Equal(0.81, half.CalculateUpdate(w1, w1).Item(), 12);
    }

    [Fact]
    public void SgdWithMomentumFirstSteps()
    {
        var momentum = new SgdWithMomentum(1, 0.9);
        var w = momentum.CalculateUpdate(D(1), D(1));
        Assert.Equal(0, w.Item(), 12);
        Assert.Equal(-1.9, momentum.CalculateUpdate(w, D(1)).Item(), 12);
        var quadratic = new SgdWithMomentum(0.1, 0.9);
        var w1 = quadratic.CalculateUpdate(D(1), D(1));
        Assert.Equal(0.9, w1.Item(), 12);
        Assert.Equal(0.72, quadratic.CalculateUpdate(w1, w1).Item(), 12);
    }

    [Fact]
    public void AdamFirstSteps()
    {
        var adam = new Adam(1, 0.01, 0.02);
        var w = adam.CalculateUpdate(D(1), D(1));
        Assert.Equal(0, w.Item(), 7);
        Assert.Equal(-0.9814473195614205, adam.CalculateUpdate(w, D(0.5)).Item(), 7);
        // the first step moves by η whatever the gradient's size
        foreach (var g in new[] { 1e-3, 1e3 })
            Assert.Equal(0.9, new Adam(0.1, 0.9, 0.999).CalculateUpdate(D(1), D(g)).Item(), 4);
    }

    [Fact]
    public void CopiesStartWithoutState()
    {
        var momentum = new SgdWithMomentum(1, 0.9);
        momentum.CalculateUpdate(D(1), D(1));
        var copy = momentum.Copy();
        Assert.NotSame(momentum, copy);
        Assert.Equal(0, copy.CalculateUpdate(D(1), D(1)).Item(), 12);
    }

    // ---------- regularizers (exercise 3 TestConstraints) ----------

    private const double Strength = 1337;

    private static Tensor Shape45(Func<int, int, double> value)
    {
        var data = new double[20];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) data[i * 5 + j] = value(i, j);
        return Tensor.FromArray(data, 4, 5);
    }

    private static bool Block(int i, int j) => i is >= 1 and < 3 && j is >= 2 and < 4;

    [Fact]
    public void L1Regularizer()
    {
        var reg = new L1Regularizer(Strength);
        var w = Shape45((i, j) => Block(i, j) ? -2 : 1);
        var expected = Shape45((i, j) => Block(i, j) ? -Strength : Strength);
        Assert.True((reg.CalculateGradient(w) - expected).Abs().Sum().Item() <= 1e-10);
        Assert.Equal(24 * Strength, reg.Norm(w), 6);
        Assert.Equal(0, new L1Regularizer(1).CalculateGradient(Tensor.Zeros([3], DType.Float64)).Abs().Sum().Item());
    }

    [Fact]
    public void L2Regularizer()
    {
        var reg = new L2Regularizer(Strength);
        Assert.True((reg.CalculateGradient(Shape45((_, _) => 1)) - Strength).Abs().Sum().Item() <= 1e-10);
        Assert.Equal(32 * Strength, reg.Norm(Shape45((i, j) => Block(i, j) ? 2 : 1)), 6);
    }

    public static TheoryData<string, bool, double> RegularizedSteps => new()
    {
        { "sgd", true, -116 }, { "sgd", false, 268 },
        { "momentum", true, -188 }, { "momentum", false, 196 },
        { "adam", true, -68 }, { "adam", false, 188 },
    };

    [Theory]
    [MemberData(nameof(RegularizedSteps))]
    public void RegularizedOptimizers(string name, bool l1, double expectedSum)
    {
        OptimizerBase optimizer = name switch
        {
            "sgd" => new Sgd(2),
            "momentum" => new SgdWithMomentum(2, 0.9),
            _ => new Adam(2, 0.9, 0.999),
        };
        optimizer.AddRegularizer(l1 ? new L1Regularizer(2) : new L2Regularizer(2));
        var w = Shape45((i, j) => Block(i, j) ? -1 : 1);
        var g = Tensor.Full([4, 5], 2, DType.Float64);
        w = optimizer.CalculateUpdate(w, g);
        w = optimizer.CalculateUpdate(w, g);
        Assert.Equal(expectedSum, Sum(w), 1);
    }

    // ---------- initializers ----------

    [Fact]
    public void InitializerStatistics()
    {
        var xavier = new Xavier(new Generator(1)).Initialize([1000, 100], 256, 128);
        Assert.Equal([1000, 100], xavier.Shape);
        Assert.InRange(xavier.Std().Item(), 0.07217 * 0.98, 0.07217 * 1.02);
        Assert.True(Math.Abs(xavier.Mean().Item()) < 1e-3);
        var he = new He(new Generator(2)).Initialize([1000, 100], 256, 128);
        Assert.InRange(he.Std().Item(), 0.08839 * 0.98, 0.08839 * 1.02);
        Assert.True(Math.Abs(he.Mean().Item()) < 1e-3);
        var uniform = new UniformRandom(new Generator(3)).Initialize([100000], 1, 1);
        Assert.True(uniform.Min().Item() >= 0 && uniform.Max().Item() < 1);
        Assert.InRange(uniform.Mean().Item(), 0.495, 0.505);
        Assert.InRange(uniform.Var().Item(), 1 / 12.0 - 0.002, 1 / 12.0 + 0.002);
        Assert.Equal(0.1 * 6, Sum(new Constant().Initialize([2, 3], 2, 3)), 12);
    }

    private sealed class RecordingInitializer : IInitializer
    {
        public int FanIn, FanOut;
        public Tensor Initialize(int[] shape, int fanIn, int fanOut)
        {
            (FanIn, FanOut) = (fanIn, fanOut);
            var w = Tensor.Zeros(shape, DType.Float64);
            w[0].Fill_(1);
            w[1].Fill_(2);
            return w;
        }
    }

    [Fact]
    public void FullyConnectedInitializationAndBias()
    {
        var layer = new FullyConnected(4, 10);
        var init = new RecordingInitializer();
        layer.Initialize(init, new Constant(0.5));
        Assert.Equal((4, 10), (init.FanIn, init.FanOut));
        Assert.Equal([5, 10], layer.Weights.Shape);
        Assert.Equal(35, Sum(layer.Weights), 9);
        // the bias is in the weights: a zero input still gives a positive output
        Assert.True(Sum(new FullyConnected(1000, 1).Forward(Tensor.Zeros([1, 1000], DType.Float64))) > 0);
    }

    // ---------- activations and losses ----------

    [Fact]
    public void ReLUForwardAndBackward()
    {
        var x = Tensor.Cat([Tensor.Full([5, 5], -1, DType.Float64), Tensor.Ones([5, 5], DType.Float64)], 0);
        var relu = new ReLU();
        var expected = Tensor.Cat([Tensor.Zeros([5, 5], DType.Float64), Tensor.Ones([5, 5], DType.Float64)], 0);
        Assert.Equal(0, Sum((relu.Forward(x) - expected).Square()));
        Assert.Equal(0, Sum((relu.Backward(x * 2) - expected * 2).Square()));
    }

    [Fact]
    public void SoftMaxKnownValuesAndShift()
    {
        var x = Tensor.Arange(0, 36, 1, DType.Float64).Reshape(4, 9).T.Contiguous() / 100;
        var y = new SoftMax().Forward(x);
        double[] expected = [0.21732724, 0.23779387, 0.26018794, 0.28469095];
        for (int k = 0; k < 4; k++) Assert.Equal(expected[k], y.GetDouble(3, k), 7);
        var big = new SoftMax().Forward(Tensor.Full([9, 4], 10000, DType.Float64));
        Assert.False(double.IsNaN(Sum(big)));
        // syllabus Ex 2.1
        var s = new SoftMax().Forward(Tensor.FromArray([-3.44, 1.16, -0.81, 3.91], 1, 4));
        double[] ex21 = [0.0006, 0.0596, 0.0083, 0.9315];
        for (int k = 0; k < 4; k++) Assert.Equal(ex21[k], s.GetDouble(0, k), 4);
    }

    [Fact]
    public void CrossEntropyKnownValues()
    {
        var label = Tensor.Zeros([9, 4], DType.Float64);
        label.Select(1, 2).Fill_(1);
        var prediction = Tensor.Zeros([9, 4], DType.Float64);
        prediction.Select(1, 1).Fill_(1);
        Assert.Equal(324.3928805, new CrossEntropyLoss().Forward(prediction, label), 4);
        Assert.Equal(0, new CrossEntropyLoss().Forward(label, label), 9);
        // softmax + cross-entropy: the error w.r.t. the logits is ŷ − y (syllabus Ex 2.2: z = (1, 2, 3), class 2)
        var softmax = new SoftMax();
        var loss = new CrossEntropyLoss();
        var oneHot = Tensor.FromArray([0.0, 0, 1], 1, 3);
        Assert.Equal(0.4076059644, loss.Forward(softmax.Forward(Tensor.FromArray([1.0, 2, 3], 1, 3)), oneHot), 9);
        var grad = softmax.Backward(loss.Backward(oneHot));
        double[] expected = [0.0900305732, 0.2447284711, -0.3347590442];
        for (int k = 0; k < 3; k++) Assert.Equal(expected[k], grad.GetDouble(0, k), 9);
    }

    // ---------- pooling ----------

    [Fact]
    public void PoolingShapesAndValues()
    {
        var x = Tensor.Rand([2, 2, 4, 7], new Generator(1), DType.Float64);
        Assert.Equal([2, 2, 2, 3], new Pooling([2, 2], [2, 2]).Forward(x).Shape);
        Assert.Equal([2, 2, 2, 6], new Pooling([2, 1], [2, 2]).Forward(x).Shape);
        Assert.Equal([2, 2, 1, 3], new Pooling([3, 2], [2, 2]).Forward(x).Shape);
        Assert.Equal(0, Sum((new Pooling([1, 1], [1, 1]).Forward(x) - x).Abs()));
        var edge = Tensor.Arange(0, 18, 1, DType.Float64).Reshape(2, 1, 3, 3);
        Assert.Equal([4.0, 13.0], new Pooling([2, 2], [2, 2]).Forward(edge).Reshape(-1).ToArray<double>());
        var range = Tensor.Arange(0, 32, 1, DType.Float64).Reshape(2, 1, 4, 4);
        Assert.Equal([5.0, 7, 13, 15, 21, 23, 29, 31], new Pooling([2, 2], [2, 2]).Forward(range).Reshape(-1).ToArray<double>());
        // syllabus Ex 4.3
        var lecture = Tensor.FromArray([1.0, 3, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4], 1, 1, 4, 4);
        var pool = new Pooling([2, 2], [2, 2]);
        Assert.Equal([6.0, 8, 3, 4], pool.Forward(lecture).Reshape(-1).ToArray<double>());
        var back = pool.Backward(Tensor.Ones([1, 1, 2, 2], DType.Float64)).Reshape(-1).ToArray<double>();
        var expected = new double[16];
        foreach (var (r, c) in new[] { (1, 1), (1, 3), (2, 0), (3, 3) }) expected[r * 4 + c] = 1;
        Assert.Equal(expected, back);
    }

    // ---------- dropout (the constructor takes the KEEP probability) ----------

    [Fact]
    public void DropoutTrainingAndTesting()
    {
        var ones = Tensor.Ones([10000, 10], DType.Float64);
        var drop = new Dropout(0.25, new Generator(1));
        Assert.False(drop.TestingPhase);
        var y = drop.Forward(ones);
        Assert.Equal(4, y.Max().Item());
        Assert.Equal(0, y.Min().Item());
        Assert.Equal(1, y.Mean().Item(), 1);
        var half = new Dropout(0.5, new Generator(2));
        var kept = half.Forward(ones);
        var back = half.Backward(ones);
        Assert.Equal(kept.Eq(0).ToArray<bool>(), back.Eq(0).ToArray<bool>());
        Assert.Equal(2, back.Max().Item());
        Assert.Equal(0, back.Min().Item());
        half.TestingPhase = true;
        Assert.Equal(0, Sum((half.Forward(ones) - ones).Abs()));
        // syllabus Ex 5.2: 10⁶ ones, keep 0.8 → zero fraction 0.2 ± 0.005, mean 1 ± 0.005
        var big = new Dropout(0.8, new Generator(3)).Forward(Tensor.Ones([1000000], DType.Float64));
        Assert.InRange(big.Eq(0).Double().Mean().Item(), 0.195, 0.205);
        Assert.InRange(big.Mean().Item(), 0.995, 1.005);
    }

    // ---------- convolution ----------

    private sealed class DeltaInitializer : IInitializer
    {
        public int FanIn, FanOut;
        public Tensor Initialize(int[] shape, int fanIn, int fanOut)
        {
            (FanIn, FanOut) = (fanIn, fanOut);
            var w = Tensor.Zeros([1, 3, 3, 3], DType.Float64);
            w[0][1][1][1].Fill_(1);
            return w;
        }
    }

    [Fact]
    public void ConvShapesLayoutAndFans()
    {
        var x = Tensor.Arange(0, 2 * 3 * 10 * 14, 1, DType.Float64).Reshape(2, 3, 10, 14);
        Assert.Equal([2, 4, 10, 14], new Conv([1, 1], [3, 5, 8], 4).Forward(x).Shape);
        Assert.Equal([2, 4, 4, 7], new Conv([3, 2], [3, 5, 8], 4).Forward(x).Shape);
        var uneven = Tensor.Rand([3, 3, 11, 15], new Generator(1), DType.Float64);
        Assert.Equal([3, 5, 4, 8], new Conv([3, 2], [3, 5, 8], 5).Forward(uneven).Shape);
        var conv = new Conv([3, 2], [3, 5, 8], 4);
        Assert.Equal(x.Shape, conv.Backward(conv.Forward(x)).Shape);
        var oneD = new Conv([2], [3, 3], 4);
        var x1 = Tensor.Rand([2, 3, 15], new Generator(2), DType.Float64);
        Assert.Equal([2, 4, 8], oneD.Forward(x1).Shape);
        Assert.Equal([2, 3, 15], oneD.Backward(oneD.Forward(x1)).Shape);
        // a centred delta kernel copies channel 1
        var delta = new Conv([1, 1], [3, 3, 3], 1);
        delta.Initialize(new DeltaInitializer(), new Constant(0));
        Assert.Equal(0, Sum((delta.Forward(x).Squeeze(1) - x.Select(1, 1)).Abs()), 9);
        var fans = new DeltaInitializer();
        new Conv([1, 1], [3, 5, 8], 4).Initialize(fans, new Constant(0.1));
        Assert.Equal((3 * 5 * 8, 5 * 8 * 4), (fans.FanIn, fans.FanOut));
    }

    [Fact]
    public void ConvPaddingMatchesScipySame()
    {
        // scipy.signal.correlate(x, k, 'same') for x = e₃ (length 7): k = (1, 2) → (0,0,0,2,1,0,0); k = (1, 2, 3, 4) → (0,0,4,3,2,1,0)
        var x = Tensor.Zeros([1, 1, 7], DType.Float64);
        x[0][0][3].Fill_(1);
        var two = new Conv([1], [1, 2], 1) { Weights = Tensor.FromArray([1.0, 2], 1, 1, 2), Bias = Tensor.Zeros([1], DType.Float64) };
        Assert.Equal([0.0, 0, 0, 2, 1, 0, 0], two.Forward(x).Reshape(-1).ToArray<double>());
        var four = new Conv([1], [1, 4], 1) { Weights = Tensor.FromArray([1.0, 2, 3, 4], 1, 1, 4), Bias = Tensor.Zeros([1], DType.Float64) };
        Assert.Equal([0.0, 0, 4, 3, 2, 1, 0], four.Forward(x).Reshape(-1).ToArray<double>());
    }

    [Fact]
    public void OneByOneConvolutionIsAPerPixelFullyConnectedLayer()
    {
        var conv = new Conv([1, 1], [3, 1, 1], 4, new Generator(3));
        var x = Tensor.Rand([2, 3, 5, 6], new Generator(4), DType.Float64);
        var y = conv.Forward(x);
        var w = conv.Weights.Reshape(4, 3);
        var pixels = x.Permute(0, 2, 3, 1).Reshape(-1, 3);
        var expected = (pixels.MatMul(w.T) + conv.Bias).Reshape(2, 5, 6, 4).Permute(0, 3, 1, 2);
        Assert.True((y - expected).Abs().Max().Item() < 1e-12);
    }

    // ---------- batch normalisation ----------

    [Fact]
    public void BatchNormalizationTrainAndTestPhase()
    {
        var x = Tensor.Rand([200, 18], new Generator(5), DType.Float64);
        var bn = new BatchNormalization(18);
        Assert.False(bn.TestingPhase);
        var y = bn.Forward(x);
        Assert.True(y.Mean(0).Square().Sum().Item() < 1e-20);
        Assert.True((y.Var(0, unbiased: false) - 1).Square().Sum().Item() < 1e-12);
        // testing phase: zeros map to −μ/σ of the (single) training batch
        bn.TestingPhase = true;
        var z = bn.Forward(Tensor.ZerosLike(x));
        var expected = -x.Mean(0) / x.Var(0, unbiased: false).Sqrt();
        Assert.True((z.Mean(0) - expected).Abs().Max().Item() < 1e-6);
        Assert.True(z.Var(0).Abs().Max().Item() < 1e-20);
        // images: per-channel statistics over batch, y and x
        var images = Tensor.Rand([20, 2, 3, 3], new Generator(6), DType.Float64) * 2 - 1;
        var yi = new BatchNormalization(2).Forward(images);
        Assert.True(yi.Mean([0, 2, 3]).Abs().Max().Item() < 1e-12);
        Assert.True((yi.Var([0, 2, 3], unbiased: false) - 1).Abs().Max().Item() < 1e-8);
    }

    [Fact]
    public void BatchNormalizationKnownValuesAndMovingAverage()
    {
        // syllabus Ex 5.3 (ε = 1e-5 there)
        var bn = new BatchNormalization(1, epsilon: 1e-5);
        var y = bn.Forward(Tensor.FromArray([1.0, 2, 3, 4], 4, 1)).Reshape(-1).ToArray<double>();
        double[] expected = [-1.341635, -0.447212, 0.447212, 1.341635];
        for (int i = 0; i < 4; i++) Assert.Equal(expected[i], y[i], 6);
        // the exercises' moving average: the first batch sets it, then μ̃ ← 0.8·μ̃ + 0.2·μ_B
        Assert.Equal(2.5, bn.MovingMean!.Item(), 12);
        bn.Forward(Tensor.FromArray([11.0, 12, 13, 14], 4, 1));
        Assert.Equal(0.8 * 2.5 + 0.2 * 12.5, bn.MovingMean!.Item(), 12);
        Assert.Equal(1.25, bn.MovingVariance!.Item(), 12);
    }

    [Fact]
    public void BatchNormalizationReformat()
    {
        var layer = new BatchNormalization(3);
        var image = Tensor.Arange(0, 360, 1, DType.Float64).Reshape(5, 3, 6, 4);
        var vec = layer.Reformat(image);
        Assert.Equal([120, 3], vec.Shape);
        Assert.Equal(72, vec.Sum(1).GetDouble(0));
        Assert.Equal(18660, vec.Sum(0).GetDouble(0));
        layer.Forward(image);
        var back = layer.Reformat(Tensor.Arange(0, 360, 1, DType.Float64).Reshape(120, 3));
        Assert.Equal([5, 3, 6, 4], back.Shape);
        Assert.Equal(15750, back.Sum([0, 1, 2]).GetDouble(0));
        Assert.Equal(21420, back.Sum([0, 2, 3]).GetDouble(0));
        Assert.Equal(0, Sum((layer.Reformat(layer.Reformat(image)) - image).Abs()));
    }

    // ---------- recurrent layers ----------

    [Fact]
    public void RnnStateAndShapes()
    {
        var rnn = new Rnn(13, 7, 5, new Generator(7));
        Assert.Equal([21, 7], rnn.Weights.Shape);
        var x = Tensor.Rand([9, 13], new Generator(8), DType.Float64);
        Assert.Equal([9, 5], rnn.Forward(x).Shape);
        Assert.Equal([9, 13], rnn.Backward(rnn.Forward(x)).Shape);
        var repeated = Tensor.Rand([1, 13], new Generator(9), DType.Float64).Expand(2, 13).Contiguous();
        var y = rnn.Forward(repeated);
        Assert.NotEqual(0, Sum((y[0] - y[1]).Square()));
        Assert.Equal(0, Sum((rnn.Forward(x) - rnn.Forward(x)).Square()));
        // memorize: the second pass starts from the first one's last hidden state (exercise test_forward_stateful_TBPTT)
        var stateful = new Rnn(13, 7, 5) { Memorize = true };
        Assert.NotEqual(0, Sum((stateful.Forward(x) - stateful.Forward(x)).Square()));
        var statefulLstm = new Lstm(13, 7, 5) { Memorize = true };
        Assert.NotEqual(0, Sum((statefulLstm.Forward(x) - statefulLstm.Forward(x)).Square()));
        Assert.Equal([21, 28], new Lstm(13, 7, 5).Weights.Shape);
    }

    [Fact]
    public void ScalarRnnAndLstmValues()
    {
        // syllabus Ex 8.9: all weights 0.5, biases 0, x = (1, 1), h₀ = c₀ = 0
        var rnn = new Rnn(1, 1, 1);
        rnn.Initialize(new Constant(0.5), new Constant(0));
        rnn.Forward(Tensor.Ones([2, 1], DType.Float64));
        Assert.Equal(0.462117, rnn.HiddenStates.GetDouble(0, 0), 6);
        Assert.Equal(0.623713, rnn.HiddenStates.GetDouble(1, 0), 6);
        var lstm = new Lstm(1, 1, 1);
        lstm.Initialize(new Constant(0.5), new Constant(0));
        lstm.Forward(Tensor.Ones([2, 1], DType.Float64));
        Assert.Equal(0.287649, lstm.CellStates.GetDouble(0, 0), 6);
        Assert.Equal(0.174270, lstm.HiddenStates.GetDouble(0, 0), 6);
    }

    [Fact]
    public void LstmGateKnownValues()
    {
        // syllabus Ex 8.3: zero weights, C₀ = 1, h₀ = 0 → f = i = o = ½, C̃ = 0, C₁ = ½, h₁ = ½·tanh(½)
        var lstm = new Lstm(2, 1, 1) { Memorize = true };
        lstm.Initialize(new Constant(0), new Constant(0));
        lstm.CellState = Tensor.Ones([1, 1], DType.Float64);
        lstm.Forward(Tensor.Ones([1, 2], DType.Float64));
        Assert.Equal(0.5, lstm.CellStates.GetDouble(0, 0), 12);
        Assert.Equal(0.231059, lstm.HiddenStates.GetDouble(0, 0), 6);
        // forget bias +10, input bias −10 → the cell keeps its value
        var keep = new Lstm(2, 1, 1) { Memorize = true };
        keep.Initialize(new Constant(0), new Constant(0));
        var w = keep.Weights.Clone();
        w[3][0].Fill_(10);
        w[3][1].Fill_(-10);
        keep.Weights = w;
        keep.CellState = Tensor.Ones([1, 1], DType.Float64);
        keep.Forward(Tensor.Rand([10, 2], new Generator(10), DType.Float64));
        var cells = keep.CellStates.Reshape(-1).ToArray<double>();
        Assert.All(cells.Zip(cells.Skip(1)), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-4));
    }

    // ---------- the network ----------

    [Fact]
    public void AppendLayerCopiesTheOptimizerAndInitializes()
    {
        var net = new NeuralNetwork(new Sgd(1), new Constant(0.123), new Constant(0.123));
        var a = new FullyConnected(1, 1);
        var b = new FullyConnected(1, 1);
        net.AppendLayer(a);
        net.AppendLayer(b);
        Assert.Equal(2, net.Layers.Count);
        Assert.NotNull(a.Optimizer);
        Assert.NotSame(a.Optimizer, b.Optimizer);
        Assert.All(a.Weights.ToArray<double>(), v => Assert.Equal(0.123, v));
    }

    [Fact]
    public void TestSwitchesEveryLayerToTheTestingPhase()
    {
        var net = new NeuralNetwork(new Adam(1e-2, 0.9, 0.999), new UniformRandom(new Generator(1)), new Constant(0.1));
        net.AppendLayer(new BatchNormalization(4));
        net.AppendLayer(new FullyConnected(4, 3));
        net.AppendLayer(new Dropout(0.3));
        net.AppendLayer(new SoftMax());
        net.DataLayer = new FixedData(Tensor.Rand([10, 4], new Generator(2), DType.Float64), Tensor.OneHot(Tensor.Randint(0, 3, [10], new Generator(3)), 3).Double());
        net.LossLayer = new CrossEntropyLoss();
        net.Train(5);
        Assert.Equal(5, net.Loss.Count);
        Assert.All(net.Layers, l => Assert.False(l.TestingPhase));
        var x = Tensor.Rand([6, 4], new Generator(4), DType.Float64);
        var first = net.Test(x);
        Assert.All(net.Layers, l => Assert.True(l.TestingPhase));
        Assert.Equal(0, Sum((first - net.Test(x)).Square()));
    }

    [Fact]
    public void RegularizationPenaltyIsAddedToTheLoss()
    {
        double LossWith(IRegularizer? regularizer, ITrainableLayer layer)
        {
            var sgd = new Sgd(1e-3) { Regularizer = regularizer };
            var net = new NeuralNetwork(sgd, new Constant(0.5), new Constant(0.1))
            {
                DataLayer = new FixedData(Tensor.Rand([4, 4], new Generator(5), DType.Float64), Tensor.OneHot(Tensor.FromArray(new[] { 0, 1, 2, 0 }), 3).Double()),
                LossLayer = new CrossEntropyLoss(),
            };
            net.AppendLayer(layer);
            net.AppendLayer(new SoftMax());
            net.Train(1);
            return net.Loss[0];
        }
        Assert.NotEqual(LossWith(null, new FullyConnected(4, 3)), LossWith(new L1Regularizer(8e-2), new FullyConnected(4, 3)));
        Assert.NotEqual(LossWith(null, new Rnn(4, 4, 3)), LossWith(new L1Regularizer(8e-2), new Rnn(4, 4, 3)));
        // the penalty is α·Σ|W| of the weights the forward pass used
        Assert.Equal(8e-2 * 0.5 * 12 + 8e-2 * 0.1 * 3, LossWith(new L1Regularizer(8e-2), new FullyConnected(4, 3)) - LossWith(null, new FullyConnected(4, 3)), 12);
    }

    private sealed class FixedData(Tensor input, Tensor label) : IDataLayer
    {
        public (Tensor Input, Tensor Label) Next() => (input, label);
    }
}
