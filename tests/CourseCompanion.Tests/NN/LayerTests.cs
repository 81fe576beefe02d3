using System.Globalization;
using CourseCompanion.Checks;
using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>
/// Layers beyond the PyTorch fixtures: float64 gradient checks (inputs and parameters), parameter counts, train/eval
/// behaviour of Dropout and BatchNorm, initialisation, and PyTorch's reprs.
/// </summary>
public class LayerTests
{
    /// <summary>
    /// Central differences over every parameter element of a float64 module, for L = Σ f() ⊙ w with fixed random w
    /// (GradientCheck.Run covers the inputs; parameters live inside the module, so they are perturbed in place).
    /// </summary>
    private static void AssertParameterGradients(Module module, Func<Tensor> f, double tolerance, string hint, double eps = 1e-5)
    {
        var weights = Tensor.Randn(f().Shape, new Generator(11), DType.Float64);
        module.ZeroGrad();
        (f() * weights).Sum().Backward();
        foreach (var (name, p) in module.NamedParameters())
        {
            Assert.True(p.Grad is not null, $"{name} got no gradient. Possible reason: {hint}");
            var analytic = p.Grad!.ToArray<double>();
            var values = p.ToArray<double>();
            double Loss(int j, double value)
            {
                double saved = values[j];
                values[j] = value;
                using (Autograd.NoGrad())
                {
                    p.Copy_(Tensor.FromArray(values, p.Shape));
                    double loss = (f() * weights).Sum().Item();
                    values[j] = saved;
                    p.Copy_(Tensor.FromArray(values, p.Shape));
                    return loss;
                }
            }
            for (int j = 0; j < values.Length; j++)
            {
                double numeric = (Loss(j, values[j] + eps) - Loss(j, values[j] - eps)) / (2 * eps);
                double diff = Math.Abs(analytic[j] - numeric), scale = Math.Max(Math.Abs(analytic[j]), Math.Abs(numeric));
                Assert.True(diff <= Math.Max(tolerance * scale, 1e-9),
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{j}]: analytic {analytic[j]:G8}, numeric {numeric:G8}. Possible reason: {hint}"));
            }
        }
    }

    private static Tensor Randn(ulong seed, params int[] shape) => Tensor.Randn(shape, new Generator(seed), DType.Float64);

    [Fact]
    public void LstmCellGradientsMatchFiniteDifferences()
    {
        var cell = new LSTMCell(3, 4, forgetGateBias: 1.0, generator: new Generator(1), dtype: DType.Float64);
        Tensor[] xs = [Randn(2, 2, 3), Randn(3, 2, 4), Randn(4, 2, 4)];
        Tensor Both(Tensor[] t) { var (h, c) = cell.Forward(t[0], new LSTMState(t[1], t[2])); return Tensor.Cat([h, c], 1); }
        var result = GradientCheck.Run(Both, xs);
        Assert.True(result.Passed, result.ToString());
        AssertParameterGradients(cell, () => Both(xs), 1e-6, "a gate's slice of the stacked weights used in the wrong place (order i, f, g, o)");
    }

    [Fact]
    public void GruCellGradientsMatchFiniteDifferences()
    {
        var cell = new GRUCell(3, 4, generator: new Generator(1), dtype: DType.Float64);
        Tensor[] xs = [Randn(2, 2, 3), Randn(3, 2, 4)];
        var result = GradientCheck.Run(t => cell.Forward(t[0], t[1]), xs);
        Assert.True(result.Passed, result.ToString());
        AssertParameterGradients(cell, () => cell.Forward(xs[0], xs[1]), 1e-6, "r applied to h before W_hn instead of after");
    }

    [Fact]
    public void LstmLayerGradientsMatchFiniteDifferences()
    {
        var lstm = new LSTM(2, 3, numLayers: 2, batchFirst: true, generator: new Generator(1), dtype: DType.Float64);
        var x = Randn(2, 2, 4, 2);
        var result = GradientCheck.Run(t => lstm.Forward(t[0]).Output, [x]);
        Assert.True(result.Passed, result.ToString());
        AssertParameterGradients(lstm, () => lstm.Forward(x).State.C, 1e-6, "the hidden state not carried from step to step");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void BatchNormInTrainingModeGradientsMatchFiniteDifferences(int dims)
    {
        // batch statistics couple every element of a channel; central differences of a normalisation are less exact, hence 1e-5
        BatchNorm bn = dims == 2 ? new BatchNorm1d(3, dtype: DType.Float64) : new BatchNorm2d(3, dtype: DType.Float64);
        using (Autograd.NoGrad()) { bn.Weight!.Copy_(Randn(5, 3)); bn.Bias!.Copy_(Randn(6, 3)); }
        var x = dims == 2 ? Randn(7, 5, 3) * 2 + 1 : Randn(7, 2, 3, 2, 3) * 2 + 1;
        var result = GradientCheck.Run(t => bn.Forward(t[0]), [x], tolerance: 1e-5);
        Assert.True(result.Passed, result.ToString() + " Possible reason: the gradient through the batch mean and variance is missing.");
        AssertParameterGradients(bn, () => bn.Forward(x), 1e-5, "γ and β broadcast over the wrong dimension");
    }

    [Fact]
    public void LayerNormGradientsMatchFiniteDifferences()
    {
        var ln = new LayerNorm([2, 3], dtype: DType.Float64);
        using (Autograd.NoGrad()) { ln.Weight!.Copy_(Randn(5, 2, 3)); ln.Bias!.Copy_(Randn(6, 2, 3)); }
        var x = Randn(7, 4, 2, 3);
        var result = GradientCheck.Run(t => ln.Forward(t[0]), [x], tolerance: 1e-5);
        Assert.True(result.Passed, result.ToString());
        AssertParameterGradients(ln, () => ln.Forward(x), 1e-5, "statistics taken over the wrong dimensions");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void LstmHasFourGatesOfTwoMatricesAndTwoBiasesPerLayer(int numLayers)
    {
        int d = 10, h = 20;
        var lstm = new LSTM(d, h, numLayers);
        long expected = 4 * (h * (d + h) + 2 * h) + (numLayers - 1) * 4 * (h * (h + h) + 2 * h);
        Assert.Equal(expected, lstm.ParameterCount);
        Assert.Equal(4 * (h * (d + h) + 2 * h), new LSTMCell(d, h).ParameterCount);
    }

    [Fact]
    public void GruAndRnnParameterCountsFollowTheirGateCount()
    {
        Assert.Equal(3 * (20 * (10 + 20) + 2 * 20), new GRU(10, 20).ParameterCount);
        Assert.Equal(3 * (20 * (10 + 20) + 2 * 20), new GRUCell(10, 20).ParameterCount);
        Assert.Equal(20 * (10 + 20) + 2 * 20 + 20 * (20 + 20) + 2 * 20, new RNN(10, 20, numLayers: 2).ParameterCount);
        Assert.Equal(20 * (10 + 20), new RNN(10, 20, bias: false).ParameterCount);
    }

    [Fact]
    public void RecurrentParametersHavePyTorchsNamesAndShapes()
    {
        var lstm = new LSTM(3, 5, numLayers: 2);
        Assert.Equal(
            ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1"],
            lstm.NamedParameters().Select(p => p.Name));
        Assert.Equal([20, 3], lstm.Layers[0].WeightIh.Shape);
        Assert.Equal([20, 5], lstm.Layers[1].WeightIh.Shape);
        Assert.Equal(["weight_ih", "weight_hh", "bias_ih", "bias_hh"], new GRUCell(3, 5).NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void RecurrentWeightsStartUniformInPlusMinusOneOverSqrtH()
    {
        var lstm = new LSTM(30, 16, generator: new Generator(3));
        var all = lstm.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();
        Assert.All(all, w => Assert.InRange(w, -0.25f, 0.25f));
        Assert.True(all.Max() > 0.24f && all.Min() < -0.24f, "the whole interval [−1/√H, 1/√H] is used");
    }

    [Fact]
    public void ForgetGateBiasOpensTheForgetGate()
    {
        int h = 4;
        var lstm = new LSTM(3, h, numLayers: 2, forgetGateBias: 1.0, generator: new Generator(2));
        foreach (var w in lstm.Layers)
        {
            var bih = w.BiasIh!.ToArray<float>();
            var bhh = w.BiasHh!.ToArray<float>();
            for (int j = 0; j < 4 * h; j++)
            {
                bool forget = j >= h && j < 2 * h; // gate order i, f, g, o
                if (forget) { Assert.Equal(1f, bih[j]); Assert.Equal(0f, bhh[j]); }
                else Assert.InRange(bih[j], -0.5f, 0.5f);
            }
        }
        Assert.Equal(1f, new LSTMCell(3, h, forgetGateBias: 1.0).BiasIh!.ToArray<float>()[h]);
        Assert.Throws<ArgumentException>(() => new LSTM(3, h, bias: false, forgetGateBias: 1.0));
    }

    [Fact]
    public void LstmDeconstructsLikePyTorchsTupleAndMatchesItsCellStepByStep()
    {
        var lstm = new LSTM(3, 4, generator: new Generator(5));
        var cell = new LSTMCell(3, 4);
        cell.LoadStateDict(lstm.StateDict().ToDictionary(p => p.Key[..^3], p => p.Value)); // weight_ih_l0 → weight_ih
        var x = Tensor.Randn([5, 2, 3], new Generator(6));
        var (output, (h, c)) = lstm.Forward(x);
        LSTMState state = cell.Forward(x[0]);
        for (int t = 1; t < 5; t++) state = cell.Forward(x[t], state);
        OpCheckClose(state.H, output[4]);
        OpCheckClose(state.H, h[0]);
        OpCheckClose(state.C, c[0]);
    }

    [Fact]
    public void GruFollowsPyTorchsConventionHNextIsOneMinusZTimesNPlusZTimesH()
    {
        // with W = 0 and only the update-gate bias set, z = σ(b_z) everywhere, and n = tanh(0) = 0: h' = z·h
        var cell = new GRUCell(2, 3);
        using (Autograd.NoGrad())
        {
            foreach (var p in cell.Parameters()) p.Zero_();
            cell.BiasIh!.Narrow(0, 3, 3).Fill_(2.0); // the z slice (order r, z, n)
        }
        var h = Tensor.FromArray([1f, -2f, 0.5f], 1, 3);
        var next = cell.Forward(Tensor.Zeros(1, 2), h);
        float z = 1 / (1 + MathF.Exp(-2));
        Assert.Equal(h.ToArray<float>().Select(v => z * v), next.ToArray<float>(), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void RecurrentLayersWorkInsideASequential()
    {
        var model = new Sequential(new GRU(3, 4, batchFirst: true), new Linear(4, 2));
        Assert.Equal([2, 5, 2], model.Forward(Tensor.Randn(2, 5, 3)).Shape);
    }

    [Fact]
    public void RecurrentDropoutActsBetweenLayersOnlyInTraining()
    {
        var plain = new LSTM(3, 4, numLayers: 2, generator: new Generator(1));
        var dropped = new LSTM(3, 4, numLayers: 2, dropout: 0.5, generator: new Generator(1));
        var x = Tensor.Randn([6, 2, 3], new Generator(2));
        var (train, (hTrain, _)) = dropped.Forward(x);
        var (reference, (hRef, _)) = plain.Forward(x);
        Assert.Equal(hRef[0].ToArray<float>(), hTrain[0].ToArray<float>()); // the first layer sees no dropout
        Assert.NotEqual(reference.ToArray<float>(), train.ToArray<float>());
        dropped.Eval();
        Assert.Equal(reference.ToArray<float>(), dropped.Forward(x).Output.ToArray<float>());
    }

    [Fact]
    public void RecurrentLayersRejectAWrongFeatureSize()
    {
        var e = Assert.Throws<ArgumentException>(() => new LSTM(3, 4).Forward(Tensor.Randn(5, 2, 7)));
        Assert.Contains("[T, N, 3]", e.Message);
    }

    [Fact]
    public void DropoutZeroesAndRescalesInTrainingAndIsTheIdentityInEvaluation()
    {
        var dropout = new Dropout(0.25, new Generator(4));
        var x = Tensor.Ones(1000);
        var y = dropout.Forward(x).ToArray<float>();
        Assert.All(y, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75f) < 1e-6));
        Assert.InRange(y.Count(v => v == 0), 200, 300);
        dropout.Eval();
        Assert.Same(x, dropout.Forward(x));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.5));
    }

    [Fact]
    public void BatchNormUpdatesRunningStatisticsOnlyInTraining()
    {
        var bn = new BatchNorm1d(2);
        var x = Tensor.FromArray([1f, 10f, 3f, 20f, 5f, 30f], 3, 2); // channel means 3 and 20, unbiased variances 4 and 100
        bn.Forward(x);
        Assert.Equal([0.3f, 2f], bn.RunningMean!.ToArray<float>(), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal([0.9f * 1 + 0.1f * 4, 0.9f * 1 + 0.1f * 100], bn.RunningVar!.ToArray<float>(), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.Equal(1, bn.NumBatchesTracked!.Item());

        bn.Eval();
        var before = bn.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray<double>());
        var single = Tensor.FromArray([3f, 20f], 1, 2); // one sample is fine in evaluation
        var expected = new[] { (3 - 0.3) / Math.Sqrt(1.3 + 1e-5), (20 - 2) / Math.Sqrt(10.9 + 1e-5) };
        Assert.Equal(expected, bn.Forward(single).ToArray<float>().Select(v => (double)v), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.All(bn.StateDict(), p => Assert.Equal(before[p.Key], p.Value.ToArray<double>()));

        bn.Train();
        var e = Assert.Throws<ArgumentException>(() => bn.Forward(single));
        Assert.Contains("more than 1 value per channel", e.Message);
    }

    [Fact]
    public void BatchNormInTrainingNormalisesEachChannelToMeanZeroAndVarianceOne()
    {
        var y = new BatchNorm2d(3).Forward(Tensor.Randn([4, 3, 5, 5], new Generator(8)) * 3 + 2);
        Assert.All(y.Mean([0, 2, 3]).ToArray<float>(), m => Assert.InRange(m, -1e-5f, 1e-5f));
        Assert.All(y.Var([0, 2, 3], unbiased: false).ToArray<float>(), v => Assert.InRange(v, 0.999f, 1.0f));
    }

    [Fact]
    public void BatchNormStateDictHasPyTorchsNames()
    {
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], new BatchNorm2d(4).StateDict().Keys);
        Assert.Empty(new BatchNorm2d(4, affine: false, trackRunningStats: false).StateDict());
        Assert.Equal([], new BatchNorm1d(4).NumBatchesTracked!.Shape);
    }

    [Fact]
    public void EmbeddingStartsStandardNormalWithAZeroPaddingRowThatGetsNoGradient()
    {
        var emb = new Embedding(200, 50, paddingIdx: -1, generator: new Generator(9));
        Assert.Equal(199, emb.PaddingIdx);
        var w = emb.Weight.ToArray<float>();
        Assert.All(w[(199 * 50)..], v => Assert.Equal(0f, v));
        double mean = w[..(199 * 50)].Average(v => (double)v), variance = w[..(199 * 50)].Average(v => (v - mean) * (v - mean));
        Assert.InRange(variance, 0.95, 1.05);
        emb.Forward(Tensor.FromArray([199L, 3L, 199L], 3)).Sum().Backward();
        var g = emb.Weight.Grad!;
        Assert.All(g[199].ToArray<float>(), v => Assert.Equal(0f, v));
        Assert.All(g[3].ToArray<float>(), v => Assert.Equal(1f, v));
    }

    public static TheoryData<Module, string> Reprs => new()
    {
        { new ReLU(), "ReLU()" },
        { new LeakyReLU(), "LeakyReLU(negative_slope=0.01)" },
        { new ELU(), "ELU(alpha=1.0)" },
        { new GELU(GeluApproximate.Tanh), "GELU(approximate='tanh')" },
        { new Softplus(), "Softplus(beta=1, threshold=20)" },
        { new Softplus(2.5, 10), "Softplus(beta=2.5, threshold=10)" },
        { new Softmax(1), "Softmax(dim=1)" },
        { new LogSoftmax(-1), "LogSoftmax(dim=-1)" },
        { new Identity(), "Identity()" },
        { new Dropout(0.2), "Dropout(p=0.2, inplace=False)" },
        { new BatchNorm1d(4), "BatchNorm1d(4, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)" },
        { new BatchNorm2d(3, momentum: null, affine: false), "BatchNorm2d(3, eps=1e-05, momentum=None, affine=False, track_running_stats=True)" },
        { new LayerNorm([3, 4]), "LayerNorm((3, 4), eps=1e-05, elementwise_affine=True)" },
        { new LayerNorm(5, elementwiseAffine: false), "LayerNorm((5,), eps=1e-05, elementwise_affine=False)" },
        { new Embedding(10, 3, paddingIdx: 0), "Embedding(10, 3, padding_idx=0)" },
        { new RNNCell(3, 4, bias: false, nonlinearity: RNNNonlinearity.ReLU), "RNNCell(3, 4, bias=False, nonlinearity=relu)" },
        { new LSTMCell(3, 4), "LSTMCell(3, 4)" },
        { new GRUCell(3, 4), "GRUCell(3, 4)" },
        { new RNN(3, 4, numLayers: 2, nonlinearity: RNNNonlinearity.ReLU, batchFirst: true, dropout: 0.5), "RNN(3, 4, num_layers=2, batch_first=True, dropout=0.5)" },
        { new LSTM(3, 4, numLayers: 2, batchFirst: true), "LSTM(3, 4, num_layers=2, batch_first=True)" },
        { new GRU(3, 4, bias: false), "GRU(3, 4, bias=False)" },
    };

    [Theory, MemberData(nameof(Reprs))]
    public void ReprMatchesPyTorch(Module module, string expected) => Assert.Equal(expected, module.ToString());

    [Theory]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-2.5e-7, "-2.5e-07")]
    [InlineData(123.25, "123.25")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    public void FloatsPrintAsPythonsRepr(double value, string expected) => Assert.Equal(expected, PythonRepr.Float(value));

    private static void OpCheckClose(Tensor expected, Tensor actual) =>
        Fixtures.OpCheck.AssertClose("cell vs layer", expected, actual, 1e-6, 1e-7);
}
