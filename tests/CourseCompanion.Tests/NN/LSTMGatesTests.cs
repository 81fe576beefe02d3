using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>The fused element-wise LSTM step against the lecture's equations: values, gradients and second derivatives.</summary>
public class LSTMGatesTests
{
    [Theory]
    [InlineData(new[] { 3, 5 })]
    [InlineData(new[] { 5 })]
    public void The_fused_step_equals_the_equations_forward_and_backward(int[] stateShape)
    {
        var g = new Generator(3);
        int hidden = stateShape[^1];
        var gates = Tensor.Randn([.. stateShape[..^1], 4 * hidden], g, DType.Float64).RequiresGrad_();
        var c = Tensor.Randn(stateShape, g, DType.Float64).RequiresGrad_();
        var weights = Tensor.Randn([2, .. stateShape], g, DType.Float64);

        var fused = LSTMGates.Step(gates, c);
        var plain = LSTMGates.Equations(gates, c);
        AssertClose(plain.H, fused.H);
        AssertClose(plain.C, fused.C);

        Tensor Loss(LSTMState s) => (s.H * weights[0]).Sum() + (s.C * weights[1]).Sum();
        var expected = Autograd.Grad(Loss(plain), [gates, c]);
        Loss(fused).Backward();
        AssertClose(expected[0], gates.Grad!);
        AssertClose(expected[1], c.Grad!);
    }

    [Fact]
    public void Second_derivatives_through_the_fused_step_equal_those_of_the_equations()
    {
        var g = new Generator(4);
        var gates = Tensor.Randn([2, 12], g, DType.Float64).RequiresGrad_();
        var c = Tensor.Randn([2, 3], g, DType.Float64).RequiresGrad_();
        Tensor GradNorm(Func<Tensor, Tensor, LSTMState> step)
        {
            var s = step(gates, c);
            var first = Autograd.Grad((s.H * s.C).Sum(), [gates], createGraph: true)[0];
            return Autograd.Grad(first.Square().Sum(), [gates])[0];
        }
        AssertClose(GradNorm(LSTMGates.Equations), GradNorm(LSTMGates.Step));
    }

    [Fact]
    public void Gradients_of_the_fused_step_pass_a_finite_difference_check()
    {
        var g = new Generator(5);
        var gates = Tensor.Randn([2, 8], g, DType.Float64).RequiresGrad_();
        var c = Tensor.Randn([2, 2], g, DType.Float64).RequiresGrad_();
        var result = CourseCompanion.Checks.GradientCheck.Run(inputs => { var s = LSTMGates.Step(inputs[0], inputs[1]); return (s.H * 1.5 + s.C.Square()).Sum(); }, [gates, c]);
        Assert.True(result.Passed, result.ToString());
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        var e = expected.Contiguous().ToArray<double>();
        var a = actual.Contiguous().ToArray<double>();
        for (int i = 0; i < e.Length; i++) Assert.Equal(e[i], a[i], 1e-12);
    }
}
