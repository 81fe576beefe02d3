using CourseCompanion.Reference;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Reference;

/// <summary>LayerCheck on deliberately wrong student layers: each mistake fails with a hint that names it.</summary>
public sealed class LayerCheckHintTests
{
    public enum Bug { None, AveragedGradient, AccumulatedGradient, TransposedGradient, BiasRowMean, ZerosColumn, SeparateBias }

    /// <summary>A student's FullyConnected with one planted mistake.</summary>
    private sealed class StudentFullyConnected(int input, int output, Bug bug) : ITrainableLayer
    {
        private Tensor? _x;
        public bool Trainable => true;
        public bool TestingPhase { get; set; }
        public Tensor Weights { get; set; } = Tensor.Rand([bug == Bug.SeparateBias ? input : input + 1, output], new Generator(1), DType.Float64);
        public Tensor? GradientWeights { get; private set; }
        public IOptimizer? Optimizer { get; set; }
        public void Initialize(IInitializer w, IInitializer b) { }

        public Tensor Forward(Tensor x)
        {
            if (bug == Bug.SeparateBias) { _x = x; return x.MatMul(Weights); }
            var column = bug == Bug.ZerosColumn ? Tensor.Zeros([x.Size(0), 1], DType.Float64) : Tensor.Ones([x.Size(0), 1], DType.Float64);
            _x = Tensor.Cat([x, column], 1);
            return _x.MatMul(Weights);
        }

        public Tensor Backward(Tensor e)
        {
            var g = _x!.T.MatMul(e);
            g = bug switch
            {
                Bug.AveragedGradient => g / e.Size(0),
                Bug.AccumulatedGradient => GradientWeights is null ? g : GradientWeights + g,
                Bug.TransposedGradient => g.T.Contiguous(),
                Bug.BiasRowMean => Tensor.Cat([g.Narrow(0, 0, input), e.Mean(0, keepDim: true)], 0),
                _ => g,
            };
            GradientWeights = g;
            return e.MatMul(Weights.Narrow(0, 0, input).T);
        }
    }

    private static Tensor X => Tensor.Rand([5, 3], new Generator(2), DType.Float64);

    private static void FailsWith(LayerCheckResult result, string fragment)
    {
        Assert.False(result.Passed, result.Message);
        Assert.Contains(fragment, result.Message);
        var thrown = Assert.Throws<LayerCheckException>(() => result.EnsurePassed());
        Assert.Contains("Possible reason", thrown.Message);
    }

    [Fact]
    public void CorrectLayerPasses()
    {
        var layer = new StudentFullyConnected(3, 4, Bug.None);
        LayerCheck.GradientWithRespectToWeights(layer, X).EnsurePassed();
        LayerCheck.GradientWithRespectToInput(layer, X).EnsurePassed();
        LayerCheck.BiasInWeights(layer, 3, 4).EnsurePassed();
    }

    [Fact]
    public void AveragedOverTheBatch() =>
        FailsWith(LayerCheck.GradientWithRespectToWeights(new StudentFullyConnected(3, 4, Bug.AveragedGradient), X), "averaged over the batch");

    [Fact]
    public void AccumulatedAcrossCalls() =>
        FailsWith(LayerCheck.GradientWithRespectToWeights(new StudentFullyConnected(3, 4, Bug.AccumulatedGradient), X), "accumulated across Backward calls");

    [Fact]
    public void Transposed() =>
        FailsWith(LayerCheck.GradientWithRespectToWeights(new StudentFullyConnected(3, 5, Bug.TransposedGradient), X), "transposed");

    [Fact]
    public void WrongBiasRow() =>
        FailsWith(LayerCheck.GradientWithRespectToWeights(new StudentFullyConnected(3, 4, Bug.BiasRowMean), X), "only the last row (the bias) is wrong");

    [Fact]
    public void BiasNotAppended()
    {
        FailsWith(LayerCheck.BiasInWeights(new StudentFullyConnected(3, 4, Bug.SeparateBias), 3, 4), "the bias is not appended to the weights");
        FailsWith(LayerCheck.BiasInWeights(new StudentFullyConnected(3, 4, Bug.ZerosColumn), 3, 4), "column of ONES");
    }

    private sealed class SignFlippedReLU : ILayer
    {
        private Tensor? _x;
        public bool Trainable => false;
        public bool TestingPhase { get; set; }
        public Tensor Forward(Tensor x) { _x = x; return x.Relu(); }
        public Tensor Backward(Tensor e) => -e * _x!.Gt(0).Double();
    }

    [Fact]
    public void WrongSign() =>
        FailsWith(LayerCheck.GradientWithRespectToInput(new SignFlippedReLU(), X - 0.5), "wrong sign");

    [Fact]
    public void RandomForwardWithoutAFixedSeed() =>
        FailsWith(LayerCheck.GradientWithRespectToInput(new Dropout(0.5, new Generator(3)), Tensor.Ones([4, 4], DType.Float64)), "not deterministic");

    [Fact]
    public void ShapeOfTheReturnedError()
    {
        var result = LayerCheck.GradientWithRespectToInput(new Transposing(), X);
        FailsWith(result, "shaped like Forward's input");
    }

    private sealed class Transposing : ILayer
    {
        public bool Trainable => false;
        public bool TestingPhase { get; set; }
        public Tensor Forward(Tensor x) => x.Clone();
        public Tensor Backward(Tensor e) => e.T.Contiguous();
    }
}
