using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Arithmetic, views, reductions and matmul against PyTorch (tests/fixtures/cases/core.py), one table line per op.</summary>
public class CoreOpTests
{
    private static readonly Dictionary<string, FixtureOp> Ops = new()
    {
        ["add"] = (x, _) => x[0] + x[1],
        ["sub"] = (x, _) => x[0] - x[1],
        ["mul"] = (x, _) => x[0] * x[1],
        ["div"] = (x, _) => x[0] / x[1],
        ["neg"] = (x, _) => -x[0],
        ["add_scalar"] = (x, a) => x[0] + a.Double("s"),
        ["mul_scalar"] = (x, a) => x[0] * a.Double("s"),
        ["div_scalar"] = (x, a) => x[0] / a.Double("s"),
        ["rdiv_scalar"] = (x, a) => a.Double("s") / x[0],
        ["exp"] = (x, _) => x[0].Exp(),
        ["log"] = (x, _) => x[0].Log(),
        ["sum_all"] = (x, _) => x[0].Sum(),
        ["sum"] = (x, a) => x[0].Sum(a.Ints("dims"), a.Bool("keepdim")),
        ["mean"] = (x, a) => x[0].Mean(a.Ints("dims"), a.Bool("keepdim")),
        ["reshape"] = (x, a) => x[0].Reshape(a.Ints("shape")),
        ["permute"] = (x, a) => x[0].Permute(a.Ints("dims")),
        ["transpose_reshape"] = (x, _) => x[0].Transpose(0, 1).Reshape(-1),
        ["narrow"] = (x, a) => x[0].Narrow(a.Int("dim"), a.Int("start"), a.Int("length")),
        ["slice"] = (x, a) => x[0].Slice(a.Int("dim"), a.Int("start"), a.Int("end"), a.Int("step")),
        ["select"] = (x, a) => x[0].Select(a.Int("dim"), a.Int("index")),
        ["expand"] = (x, a) => x[0].Expand(a.Ints("shape")),
        ["squeeze"] = (x, _) => x[0].Squeeze(),
        ["unsqueeze"] = (x, a) => x[0].Unsqueeze(a.Int("dim")),
        ["flatten"] = (x, a) => x[0].Flatten(a.Int("start"), a.Int("end")),
        ["matmul"] = (x, _) => x[0].MatMul(x[1]),
        ["matmul_t"] = (x, _) => x[0].MatMul(x[1].T),
    };

    public static TheoryData<string> Cases => OpFixture.Names("core");

    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => OpCheck.MatchesPyTorch("core", name, Ops);

    [Theory, MemberData(nameof(Cases))]
    public void PassesGradientCheck(string name) => OpCheck.PassesGradientCheck("core", name, Ops);
}
