using CourseCompanion.Checks;
using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.Tensors;

/// <summary>
/// The fused <see cref="Tensor.BatchNorm"/>: against PyTorch (tests/fixtures/cases/norm.py), against the formula composed from
/// broadcasting ops, against finite differences (first and second derivatives), and its running statistics and errors.
/// </summary>
public class BatchNormOpTests
{
    private static readonly Dictionary<string, FixtureOp> Ops = new()
    {
        ["batch_norm"] = (x, a) =>
        {
            bool running = a.Has("running") && a.Bool("running"), affine = !a.Has("affine") || a.Bool("affine");
            int p = running ? 3 : 1;
            return Tensor.BatchNorm(x[0], running ? x[1] : null, running ? x[2] : null, affine ? x[p] : null, affine ? x[p + 1] : null,
                a.Bool("training"), eps: a.OptionalDouble("eps") ?? 1e-5);
        },
    };

    public static TheoryData<string> Cases => OpFixture.Names("norm");

    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => OpCheck.MatchesPyTorch("norm", name, Ops);

    [Theory, MemberData(nameof(Cases))]
    public void PassesGradientCheck(string name) => OpCheck.PassesGradientCheck("norm", name, Ops, tolerance: 1e-5);

    private static Tensor R(ulong seed, params int[] shape) => Tensor.Randn(shape, new Generator(seed), DType.Float64);

    /// <summary>[N, C], [N, C, L], [N, C, H, W]; the last two have rows long enough for the vector loops plus a tail, and the last is large enough to run channels in parallel.</summary>
    public static TheoryData<int[]> Layouts => [[6, 3], [4, 3, 7], [3, 2, 5, 4], [4, 3, 9, 11], [8, 4, 33, 33]];

    /// <summary>(x − μ)/√(σ² + ε)·γ + β written with broadcasting ops, as BatchNorm was before the fused op.</summary>
    private static Tensor Composed(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training, double eps = 1e-5)
    {
        int[] dims = [0, .. Enumerable.Range(2, x.Dim - 2)];
        int[] channelShape = [1, x.Size(1), .. Enumerable.Repeat(1, x.Dim - 2)];
        var (mean, variance) = training
            ? (x.Mean(dims, keepDim: true), x.Var(dims, correction: 0, keepDim: true))
            : (runningMean!.Reshape(channelShape), runningVar!.Reshape(channelShape));
        var normalized = (x - mean) / (variance + eps).Sqrt();
        return weight is null ? normalized : normalized * weight.Reshape(channelShape) + bias!.Reshape(channelShape);
    }

    /// <summary>The output and the gradients of Σ f(x, γ, β)·g with respect to x, γ and β.</summary>
    private static Tensor[] OutputAndGradients(Func<Tensor, Tensor, Tensor, Tensor> f, Tensor x, Tensor weight, Tensor bias, Tensor g)
    {
        Tensor[] inputs = [x.Detach().RequiresGrad_(), weight.Detach().RequiresGrad_(), bias.Detach().RequiresGrad_()];
        var y = f(inputs[0], inputs[1], inputs[2]);
        return [y.Detach(), .. Autograd.Grad(y, inputs, g)];
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void MatchesTheComposedFormulaInFloat64AndFloat32(int[] shape)
    {
        int c = shape[1];
        var (x, g) = (R(1, shape) * 2 + 0.5, R(2, shape));
        var (weight, bias, runningMean, runningVar) = (R(3, c), R(4, c), R(5, c), R(6, c).Abs() + 0.5);
        foreach (var dtype in new[] { DType.Float64, DType.Float32 })
            foreach (bool training in new[] { true, false })
            {
                var (xd, gd, wd, bd, md, vd) = (x.To(dtype), g.To(dtype), weight.To(dtype), bias.To(dtype), runningMean.To(dtype), runningVar.To(dtype));
                var fused = OutputAndGradients((a, w, b) => Tensor.BatchNorm(a, training ? null : md, training ? null : vd, w, b, training), xd, wd, bd, gd);
                var composed = OutputAndGradients((a, w, b) => Composed(a, md, vd, w, b, training), xd, wd, bd, gd);
                // float32: the composed graph rounds every intermediate; sums over up to 8·33·33 values
                double tolerance = dtype == DType.Float64 ? 1e-10 : 1e-4;
                string[] what = ["output", "∂x", "∂γ", "∂β"];
                for (int i = 0; i < what.Length; i++)
                    OpCheck.AssertClose($"{Shapes.Format(shape)} {dtype} training={training}: {what[i]}", composed[i], fused[i], tolerance, tolerance);
            }
    }

    [Fact]
    public void AcceptsNonContiguousInputs()
    {
        var x = R(7, 5, 6).T; // [6, 5] with strides (1, 6)
        var (weight, bias) = (R(8, 5), R(9, 5));
        OpCheck.AssertClose("transposed input", Composed(x, null, null, weight, bias, true), Tensor.BatchNorm(x, null, null, weight, bias, training: true), 1e-12, 1e-12);
    }

    public static TheoryData<int[], bool> GradientCases => new()
    {
        { [7, 3], true }, { [5, 2, 4], true }, { [3, 2, 3, 2], true },
        { [7, 3], false }, { [5, 2, 4], false }, { [3, 2, 3, 2], false },
    };

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void GradientsForInputWeightAndBiasMatchFiniteDifferences(int[] shape, bool training)
    {
        int c = shape[1];
        var (runningMean, runningVar) = training ? (null, null) : (R(10, c), R(11, c).Abs() + 0.5);
        Tensor[] inputs = [R(12, shape) * 2 + 1, R(13, c), R(14, c)];
        // batch statistics couple every element of a channel; central differences of a normalisation are less exact, hence 1e-5
        var result = GradientCheck.Run(t => Tensor.BatchNorm(t[0], runningMean, runningVar, t[1], t[2], training), inputs, tolerance: 1e-5);
        Assert.True(result.Passed, result.ToString());
    }

    /// <summary>All gradients of Σ f(x)² built with createGraph, flattened into one vector (differentiable in turn).</summary>
    private static Tensor GradientOf(Func<Tensor[], Tensor> f, Tensor[] x, bool createGraph = true)
    {
        using var _ = Autograd.EnableGrad();
        var y = f(x);
        var grads = Autograd.Grad((y * y).Sum(), x, createGraph: createGraph);
        return Tensor.Cat(grads.Select(g => g.Reshape(-1)).ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SecondDerivativesMatchFiniteDifferences(bool training)
    {
        var (runningMean, runningVar) = training ? (null, null) : (R(15, 3), R(16, 3).Abs() + 0.5);
        Tensor f(Tensor[] t) => Tensor.BatchNorm(t[0], runningMean, runningVar, t[1], t[2], training);
        Tensor[] inputs = [R(17, 4, 3, 2) * 2 + 1, R(18, 3), R(19, 3)];

        var fused = GradientOf(f, inputs.Select(t => t.Detach().RequiresGrad_()).ToArray(), createGraph: false);
        var differentiable = GradientOf(f, inputs.Select(t => t.Detach().RequiresGrad_()).ToArray());
        OpCheck.AssertClose("createGraph gradient vs fused gradient", fused, differentiable.Detach(), 1e-12, 1e-12);

        // the gradients are cubic in the inputs: a larger step keeps round-off (which grows as 1/eps) below the tolerance
        var result = GradientCheck.Run(t => GradientOf(f, t), inputs, eps: 1e-4, tolerance: 1e-5);
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void TrainingUpdatesTheRunningStatisticsWithTheUnbiasedVarianceAndEvaluationLeavesThemAlone()
    {
        var x = (R(20, 5, 2, 3) * 3 + 1).Float();
        var (runningMean, runningVar) = (Tensor.FromArray([0.5f, -1f], 2), Tensor.FromArray([2f, 0.25f], 2));
        var y = Tensor.BatchNorm(x, runningMean, runningVar, training: true, momentum: 0.3);

        OpCheck.AssertClose("output uses the batch statistics", Composed(x, null, null, null, null, training: true), y, 1e-5, 1e-5);
        var expectedMean = Tensor.FromArray([0.5f, -1f], 2) * 0.7 + x.Mean([0, 2]) * 0.3;
        var expectedVar = Tensor.FromArray([2f, 0.25f], 2) * 0.7 + x.Var([0, 2], unbiased: true) * 0.3;
        OpCheck.AssertClose("running mean", expectedMean, runningMean, 1e-6, 1e-6);
        OpCheck.AssertClose("running variance", expectedVar, runningVar, 1e-6, 1e-6);

        var (meanBefore, varBefore) = (runningMean.ToArray<float>(), runningVar.ToArray<float>());
        Tensor.BatchNorm(x, runningMean, runningVar, training: false);
        Assert.Equal(meanBefore, runningMean.ToArray<float>());
        Assert.Equal(varBefore, runningVar.ToArray<float>());
    }

    [Fact]
    public void Float32StatisticsStayAccurateWhenTheMeanDwarfsTheSpread()
    {
        var x = (R(21, 64, 2, 16) + 1000).Float();    // σ = 1 around μ = 1000: Σx² − (Σx)²/n in float32 would lose every digit
        var exact = Composed(x.Double(), null, null, null, null, training: true);
        OpCheck.AssertClose("float32 vs float64", exact.Float(), Tensor.BatchNorm(x, null, null, training: true), 2e-4, 2e-4);
    }

    [Fact]
    public void EachChannelIsComputedAloneSoResultsDoNotDependOnNeighboursOrThreads()
    {
        var x = (R(22, 16, 5, 24, 24) * 2 + 3).Float();  // large enough for the channels to run in parallel
        var g = R(23, 16, 5, 24, 24).Float();
        var (weight, bias) = (R(24, 5).Float().RequiresGrad_(), R(25, 5).Float().RequiresGrad_());
        var whole = x.Detach().RequiresGrad_();
        Tensor.BatchNorm(whole, null, null, weight, bias, training: true).Backward(g);
        var y = Tensor.BatchNorm(x, null, null, weight.Detach(), bias.Detach(), training: true);

        for (int c = 0; c < 5; c++)
        {
            var xc = x.Narrow(1, c, 1).Contiguous().RequiresGrad_();
            var yc = Tensor.BatchNorm(xc, null, null, weight.Detach().Narrow(0, c, 1), bias.Detach().Narrow(0, c, 1), training: true);
            yc.Backward(g.Narrow(1, c, 1).Contiguous());
            Assert.Equal(yc.ToArray<float>(), y.Narrow(1, c, 1).ToArray<float>());
            Assert.Equal(xc.Grad!.ToArray<float>(), whole.Grad!.Narrow(1, c, 1).ToArray<float>());
        }
    }

    [Fact]
    public void RejectsInputsItCannotNormalise()
    {
        var x = Tensor.Randn(4, 3);
        Assert.Contains("needs the running mean and variance", Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(x, null, null)).Message);
        Assert.Contains("more than 1 value per channel", Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(Tensor.Randn(1, 3), null, null, training: true)).Message);
        Assert.Contains("weight should be a floating-point [3]", Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(x, null, null, Tensor.Ones(4), training: true)).Message);
        Assert.Contains("both running statistics", Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(x, Tensor.Zeros(3), null, training: true)).Message);
        Assert.Contains("[N, C, *]", Assert.Throws<ArgumentException>(() => Tensor.BatchNorm(Tensor.Randn(3), null, null, training: true)).Message);
    }
}
