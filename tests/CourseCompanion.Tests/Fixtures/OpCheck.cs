using System.Globalization;
using CourseCompanion.Checks;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Fixtures;

/// <summary>
/// The one table-driven check every op test uses (after tinygrad's helper_test_op): forward values and
/// gradients against PyTorch, and a float64 central-difference gradient check.
/// Tolerance |a − b| ≤ atol + rtol·|b|: float32 rtol 1e-5, atol 1e-6; float64 1e-10.
/// </summary>
public static class OpCheck
{
    public static void MatchesPyTorch(string family, string name, IReadOnlyDictionary<string, FixtureOp> ops, double rtol = 1e-5, double atol = 1e-6)
    {
        var c = OpFixture.Get(family, name);
        var op = Op(ops, c);
        var inputs = c.Inputs.Select(n => OpFixture.ToTensor(n!)).ToArray();
        var expected = OpFixture.ToTensor(c.Output);
        var differentiable = c.Grads is not null;
        for (int i = 0; i < inputs.Length; i++)
            if (differentiable && c.Grads![i] is not null) inputs[i].RequiresGrad = true;

        var output = op(inputs, c.Args);
        AssertClose($"{name}: output", expected, output, rtol, atol);
        if (!differentiable) return;

        var upstream = OpFixture.ToTensor(c.Upstream!);
        output.Backward(upstream);
        for (int i = 0; i < inputs.Length; i++)
        {
            if (c.Grads![i] is not { } g) continue;
            Assert.True(inputs[i].Grad is not null, $"{name}: input {i} got no gradient.");
            AssertClose($"{name}: gradient of input {i}", OpFixture.ToTensor(g), inputs[i].Grad!, rtol * 10, atol * 10);
        }
    }

    public static void PassesGradientCheck(string family, string name, IReadOnlyDictionary<string, FixtureOp> ops, double tolerance = 1e-6)
    {
        var c = OpFixture.Get(family, name);
        if (c.Grads is null || !c.GradCheck) return; // not differentiable: nothing to check (the forward test covers it)
        var op = Op(ops, c);
        var inputs = c.Inputs.Select(n => OpFixture.ToTensor(n!)).ToArray();
        var result = GradientCheck.Run(x => op(x, c.Args), inputs, tolerance: tolerance);
        Assert.True(result.Passed, $"{name}: {result}");
    }

    private static FixtureOp Op(IReadOnlyDictionary<string, FixtureOp> ops, OpFixture c) =>
        ops.TryGetValue(c.Op, out var op) ? op : throw new KeyNotFoundException($"Case '{c.Name}' names op '{c.Op}', which the test's table lacks.");

    public static void AssertClose(string what, Tensor expected, Tensor actual, double rtol, double atol)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape), $"{what}: shape {Fmt(actual.Shape)}, expected {Fmt(expected.Shape)}.");
        Assert.True(expected.DType == actual.DType, $"{what}: dtype {actual.DType}, expected {expected.DType}.");
        if (actual.DType == DType.Float64) { rtol = Math.Min(rtol, 1e-10); atol = Math.Min(atol, 1e-10); }
        var e = expected.ToArray<double>();
        var a = actual.ToArray<double>();
        for (int i = 0; i < e.Length; i++)
        {
            bool same = double.IsNaN(e[i]) ? double.IsNaN(a[i]) : double.IsInfinity(e[i]) ? a[i] == e[i] : Math.Abs(a[i] - e[i]) <= atol + rtol * Math.Abs(e[i]);
            Assert.True(same, string.Create(CultureInfo.InvariantCulture, $"{what}: element {i} is {a[i]:G9}, expected {e[i]:G9}."));
        }
    }

    private static string Fmt(int[] shape) => "[" + string.Join(", ", shape) + "]";
}
