using CourseCompanion.Checks;
using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Element-wise math, comparisons, activations, reductions and softmax against PyTorch (tests/fixtures/cases/math.py), one table line per op.</summary>
public class MathOpTests
{
    /// <summary>
    /// The op's input as the case prepares it: permuted (a non-contiguous view), shifted (x − shift, to get negative integers)
    /// or scaled (x·k, for large logits), in that order.
    /// </summary>
    private static Tensor P(Tensor x, FixtureArgs a)
    {
        if (a.Has("perm")) x = x.Permute(a.Ints("perm"));
        if (a.Has("shift")) x -= Tensor.Scalar(a.Double("shift"), x.DType); // a tensor, so integers stay integers
        if (a.Has("k")) x *= a.Double("k");
        return x;
    }

    private static readonly Dictionary<string, FixtureOp> Ops = new()
    {
        ["pow_scalar"] = (x, a) => P(x[0], a).Pow(a.Double("e")),
        ["pow_int"] = (x, a) => P(x[0], a).Pow(a.Int("e")),
        ["pow"] = (x, _) => x[0].Pow(x[1]),
        ["sqrt"] = (x, a) => P(x[0], a).Sqrt(),
        ["rsqrt"] = (x, a) => P(x[0], a).Rsqrt(),
        ["square"] = (x, a) => P(x[0], a).Square(),
        ["abs"] = (x, a) => P(x[0], a).Abs(),
        ["sign"] = (x, a) => P(x[0], a).Sign(),
        ["reciprocal"] = (x, a) => P(x[0], a).Reciprocal(),
        ["sin"] = (x, a) => P(x[0], a).Sin(),
        ["cos"] = (x, a) => P(x[0], a).Cos(),
        ["erf"] = (x, a) => P(x[0], a).Erf(),
        ["clamp"] = (x, a) => P(x[0], a).Clamp(a.OptionalDouble("min"), a.OptionalDouble("max")),
        ["clamp_long"] = (x, a) => P(x[0], a).Clamp(a.OptionalInt("min"), a.OptionalInt("max")),
        ["where"] = (x, _) => Tensor.Where(x[0], x[1], x[2]),
        ["where_scalar"] = (x, a) => Tensor.Where(x[0], x[1], a.Double("s")),
        ["gt"] = (x, _) => x[0] > x[1],
        ["ge"] = (x, _) => x[0] >= x[1],
        ["lt"] = (x, _) => x[0] < x[1],
        ["le"] = (x, _) => x[0] <= x[1],
        ["eq"] = (x, _) => x[0].Eq(x[1]),
        ["ne"] = (x, _) => x[0].Ne(x[1]),
        ["gt_scalar"] = (x, a) => x[0] > a.Double("s"),
        ["le_scalar"] = (x, a) => x[0] <= a.Double("s"),
        ["lt_scalar"] = (x, a) => x[0].Lt(a.Double("s")),
        ["eq_scalar"] = (x, a) => x[0].Eq(a.Double("s")),
        ["logical_and"] = (x, _) => x[0].LogicalAnd(x[1]),
        ["logical_or"] = (x, _) => x[0] | x[1],
        ["logical_xor"] = (x, _) => x[0].LogicalXor(x[1]),
        ["logical_not"] = (x, _) => !x[0],
        ["maximum"] = (x, _) => x[0].Maximum(x[1]),
        ["minimum"] = (x, _) => x[0].Minimum(x[1]),
        ["sigmoid"] = (x, a) => P(x[0], a).Sigmoid(),
        ["tanh"] = (x, a) => P(x[0], a).Tanh(),
        ["relu"] = (x, a) => P(x[0], a).Relu(),
        ["leaky_relu"] = (x, a) => P(x[0], a).LeakyRelu(a.Double("slope")),
        ["elu"] = (x, a) => P(x[0], a).Elu(a.Double("alpha")),
        ["selu"] = (x, a) => P(x[0], a).Selu(),
        ["gelu"] = (x, a) => P(x[0], a).Gelu(a.String("approximate") == "tanh" ? GeluApproximate.Tanh : GeluApproximate.None),
        ["softplus"] = (x, a) => P(x[0], a).Softplus(a.Double("beta"), a.Double("threshold")),
        ["silu"] = (x, a) => P(x[0], a).Silu(),
        ["max_all"] = (x, a) => P(x[0], a).Max(),
        ["min_all"] = (x, a) => P(x[0], a).Min(),
        ["max_dim"] = (x, a) => P(x[0], a).Max(a.Int("dim"), a.Bool("keepdim")).Values,
        ["max_dim_indices"] = (x, a) => P(x[0], a).Max(a.Int("dim"), a.Bool("keepdim")).Indices,
        ["min_dim"] = (x, a) => P(x[0], a).Min(a.Int("dim"), a.Bool("keepdim")).Values,
        ["min_dim_indices"] = (x, a) => P(x[0], a).Min(a.Int("dim"), a.Bool("keepdim")).Indices,
        ["amax"] = (x, a) => P(x[0], a).Amax(a.Ints("dims"), a.Bool("keepdim")),
        ["amin"] = (x, a) => P(x[0], a).Amin(a.Ints("dims"), a.Bool("keepdim")),
        ["argmax_all"] = (x, a) => P(x[0], a).Argmax(),
        ["argmin_all"] = (x, a) => P(x[0], a).Argmin(),
        ["argmax"] = (x, a) => P(x[0], a).Argmax(a.Int("dim"), a.Bool("keepdim")),
        ["argmin"] = (x, a) => P(x[0], a).Argmin(a.Int("dim"), a.Bool("keepdim")),
        ["var_all"] = (x, a) => P(x[0], a).Var(),
        ["var"] = (x, a) => P(x[0], a).Var(a.Ints("dims"), a.Bool("unbiased"), a.Bool("keepdim")),
        ["var_correction"] = (x, a) => P(x[0], a).Var(a.Ints("dims"), a.Double("correction"), a.Bool("keepdim")),
        ["std_all"] = (x, a) => P(x[0], a).Std(),
        ["std"] = (x, a) => P(x[0], a).Std(a.Ints("dims"), a.Bool("unbiased"), a.Bool("keepdim")),
        ["logsumexp"] = (x, a) => P(x[0], a).LogSumExp(a.Ints("dims"), a.Bool("keepdim")),
        ["prod_all"] = (x, a) => P(x[0], a).Prod(),
        ["prod"] = (x, a) => P(x[0], a).Prod(a.Int("dim"), a.Bool("keepdim")),
        ["softmax"] = (x, a) => P(x[0], a).Softmax(a.Int("dim")),
        ["log_softmax"] = (x, a) => P(x[0], a).LogSoftmax(a.Int("dim")),
    };

    public static TheoryData<string> Cases => OpFixture.Names("math");

    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => OpCheck.MatchesPyTorch("math", name, Ops);

    [Theory, MemberData(nameof(Cases))]
    public void PassesGradientCheck(string name) => OpCheck.PassesGradientCheck("math", name, Ops);

    // ---- what the fixtures cannot show ----

    private static Tensor F(params double[] values) => Tensor.FromArray(values.Select(v => (float)v).ToArray());

    private static void Close(double[] expected, Tensor actual, double tol = 1e-6)
    {
        var a = actual.ToArray<double>();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
            Assert.True(Math.Abs(a[i] - expected[i]) <= tol * (1 + Math.Abs(expected[i])), $"element {i}: {a[i]}, expected {expected[i]}");
    }

    [Theory]
    [InlineData(1000.0)]
    [InlineData(-1000.0)]
    public void SoftmaxAndLogSoftmaxAreStableForHugeLogits(double offset)
    {
        var x = (F(0, 1, 2) + offset).RequiresGrad_();
        var softmax = x.Softmax(0);
        double z = 1 + Math.E + Math.E * Math.E;
        Close([1 / z, Math.E / z, Math.E * Math.E / z], softmax);
        Close([-Math.Log(z), 1 - Math.Log(z), 2 - Math.Log(z)], F(0, 1, 2).Add(offset).LogSoftmax(0), 1e-5);
        softmax.Select(0, 2).Backward();
        Assert.All(x.Grad!.ToArray<double>(), g => Assert.True(double.IsFinite(g)));
    }

    [Fact]
    public void LogSumExpIsStableForHugeInputs()
    {
        var big = F(1000, 1000).RequiresGrad_();
        var lse = big.LogSumExp(0);
        Assert.Equal(1000 + Math.Log(2), lse.Item(), 1e-3);
        lse.Backward();
        Close([0.5, 0.5], big.Grad!);
        Assert.Equal(-1000 + Math.Log(2), F(-1000, -1000).LogSumExp(0).Item(), 1e-3);
        Assert.Equal(double.NegativeInfinity, F(double.NegativeInfinity, double.NegativeInfinity).LogSumExp(0).Item());
    }

    [Fact]
    public void SigmoidTanhSoftplusSaturateWithoutNaN()
    {
        var x = F(-1000, 1000).RequiresGrad_();
        var y = x.Sigmoid() + x.Tanh() + x.Softplus();
        Close([0 - 1 + 0, 1 + 1 + 1000], y);
        y.Sum().Backward();
        Close([0, 1], x.Grad!);
    }

    [Fact]
    public void ArgmaxAndMaxTakeTheFirstOfTiedValues()
    {
        Assert.Equal(1, F(1, 4, 2, 4).Argmax().Item());
        Assert.Equal(0, F(-3, 4, -3).Argmin().Item());
        var m = Tensor.FromArray(new float[] { 5, 1, 5, 2, 7, 7 }, 2, 3).RequiresGrad_();
        var (values, indices) = m.Max(dim: 1);
        Assert.Equal(new long[] { 0, 1 }, indices.ToArray<long>());
        Assert.Equal(DType.Int64, indices.DType);
        Close([5, 7], values);
        values.Sum().Backward();
        Close([1, 0, 0, 0, 1, 0], m.Grad!); // only the arg positions get gradient
    }

    [Fact]
    public void WholeTensorMaxSharesTheGradientAmongTies()
    {
        var x = F(1, 3, 3, 2).RequiresGrad_();
        x.Max().Backward();
        Close([0, 0.5, 0.5, 0], x.Grad!);
    }

    [Fact]
    public void KeepDimKeepsAPlaceholderAndIndicesBroadcast()
    {
        var x = Tensor.Randn(2, 3, 4);
        var (values, indices) = x.Min(dim: -1, keepDim: true);
        Assert.Equal([2, 3, 1], values.Shape);
        Assert.Equal([2, 3, 1], indices.Shape);
        Assert.True((x - values).Min().Item() >= 0);
    }

    [Fact]
    public void SeluDerivativeForNegativeInputsIsLambdaAlphaExpX()
    {
        // the slides write λ·α·f(x); differentiating λ·α(eˣ − 1) gives λ·α·eˣ
        var x = Tensor.FromArray(new[] { -2.0, -0.5, 0.7 }).RequiresGrad_();
        x.Selu().Sum().Backward();
        double l = Tensor.SeluScale, a = Tensor.SeluAlpha;
        Close([l * a * Math.Exp(-2), l * a * Math.Exp(-0.5), l], x.Grad!, 1e-12);
    }

    [Fact]
    public void ComparisonOperatorsGiveBoolMasks()
    {
        var x = F(-1, 0, 2);
        var mask = (x > 0) | (x <= -1);
        Assert.Equal(DType.Bool, mask.DType);
        Assert.Equal(new[] { true, false, true }, mask.ToArray<bool>());
        Assert.Equal(new[] { false, true, false }, (!mask).ToArray<bool>());
        Assert.Equal(new[] { false, false, true }, (1.5 < x).ToArray<bool>());
        Assert.Equal(new[] { 0.0, 0.0, 2.0 }, Tensor.Where(x > 0, x, 0).ToArray<double>());
        var ex = Assert.Throws<ArgumentException>(() => x & mask);
        Assert.Contains("operator &", ex.Message);
    }

    [Fact]
    public void ShapeAndTypeErrorsNameTheOpAndShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Where(Tensor.Ones([3], DType.Bool), Tensor.Zeros(3), Tensor.Zeros(4)));
        Assert.Contains("Where", ex.Message);
        Assert.Contains("[3]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 0).Max(dim: 1));
        Assert.Contains("Max", ex.Message);
        Assert.Contains("[2, 0]", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Tensor.Arange(4).Softmax(0));
        Assert.Contains("Softmax", ex.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).Clamp(min: (double?)null)); // Clamp() itself does not compile
    }

    [Fact]
    public void IntegerTensorsStayIntegersWhereNothingFractionalIsInvolved()
    {
        var labels = Tensor.FromArray(new long[] { -2, 5, 1 });
        Assert.Equal(new long[] { 0, 3, 1 }, labels.Clamp(0, 3).ToArray<long>());
        Assert.Equal(DType.Int64, labels.Abs().DType);
        Assert.Equal(new long[] { 4, 25, 1 }, labels.Pow(2).ToArray<long>());
        Assert.Equal(DType.Float32, labels.Pow(0.5).DType);
        Assert.Equal(DType.Int64, labels.Argmax().DType);
    }

    /// <summary>Ops whose backward must itself be differentiable (createGraph): checked on their first derivative.</summary>
    public static TheoryData<string> SecondOrderOps => new()
    {
        "pow", "pow_tensor", "sqrt", "rsqrt", "reciprocal", "sin", "erf", "sigmoid", "tanh", "elu", "selu", "gelu", "gelu_tanh",
        "softplus", "silu", "leaky_relu", "clamp", "where", "maximum", "max_dim", "amax", "var", "std", "logsumexp", "prod",
        "softmax", "log_softmax",
    };

    private static Tensor SecondOrderOp(string name, Tensor x) => name switch
    {
        "pow" => x.Pow(2.5),
        "pow_tensor" => x.Pow(x.T.Reshape(2, 3)),
        "sqrt" => x.Sqrt(),
        "rsqrt" => x.Rsqrt(),
        "reciprocal" => x.Reciprocal(),
        "sin" => x.Sin(),
        "erf" => x.Erf(),
        "sigmoid" => x.Sigmoid(),
        "tanh" => x.Tanh(),
        "elu" => (x - 1.2).Elu(),
        "selu" => (x - 1.2).Selu(),
        "gelu" => (x - 1.2).Gelu(),
        "gelu_tanh" => (x - 1.2).Gelu(GeluApproximate.Tanh),
        "softplus" => (x - 1.2).Softplus(beta: 2),
        "silu" => (x - 1.2).Silu(),
        "leaky_relu" => (x - 1.2).LeakyRelu(0.1) * x,
        "clamp" => x.Clamp(0.9, 1.5) * x,
        "where" => Tensor.Where(x > 1.2, x * x, x.Exp()),
        "maximum" => x.Maximum(x.T.Reshape(2, 3)) * x,
        "max_dim" => (x * x).Max(dim: 1).Values,
        "amax" => (x * x).Amax([0, 1]),
        "var" => x.Var(1),
        "std" => x.Std(0),
        "logsumexp" => x.LogSumExp(1),
        "prod" => x.Prod(1),
        "softmax" => x.Softmax(1),
        "log_softmax" => x.LogSoftmax(0),
        _ => throw new ArgumentException(name),
    };

    [Theory, MemberData(nameof(SecondOrderOps))]
    public void SecondDerivativesMatchFiniteDifferences(string name)
    {
        // positive inputs in (0.5, 2) away from the kinks at 0, 0.9, 1.2, 1.5 (and distinct, so no ties)
        var x = Tensor.FromArray(new[] { 0.61, 1.93, 1.07, 0.82, 1.71, 1.33 }, 2, 3);
        var w = Tensor.FromArray(new[] { 0.3, -1.1, 0.7, 1.9, -0.4, 0.8 }, 2, 3);
        Tensor Gradient(Tensor[] inputs)
        {
            using (Autograd.EnableGrad())
            {
                var y = SecondOrderOp(name, inputs[0]);
                var weights = w.Reshape(-1).Narrow(0, 0, y.NumEl).Reshape(y.Shape);
                return Autograd.Grad((y * weights).Sum(), [inputs[0]], createGraph: true)[0];
            }
        }
        var result = GradientCheck.Run(Gradient, [x], tolerance: 1e-5);
        Assert.True(result.Passed, $"{name}: {result}");
    }
}
