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
}
