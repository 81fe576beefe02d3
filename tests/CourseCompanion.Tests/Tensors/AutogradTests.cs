using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Semantics of the reverse walk: accumulation, scopes, detaching, retained and higher-order gradients.</summary>
public class AutogradTests
{
    [Fact]
    public void GradientsAccumulateAcrossBackwardCalls()
    {
        var x = Tensor.FromArray([2.0, 3.0]).RequiresGrad_();
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal([8.0, 12.0], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void ATensorUsedTwiceGetsBothContributions()
    {
        var x = Tensor.FromArray([3.0]).RequiresGrad_();
        var y = x * x + x; // dy/dx = 2x + 1 = 7
        y.Sum().Backward();
        Assert.Equal(7.0, x.Grad!.Item());
    }

    [Fact]
    public void NoGradScopeRecordsNothingAndRestoresOnDispose()
    {
        var x = Tensor.Ones(2).RequiresGrad_();
        using (Autograd.NoGrad())
        {
            Assert.False((x * 2).RequiresGrad);
            Assert.False(Autograd.IsEnabled);
        }
        Assert.True(Autograd.IsEnabled);
        Assert.True((x * 2).RequiresGrad);
    }

    [Fact]
    public void DetachCutsTheGraphButSharesValues()
    {
        var x = Tensor.FromArray([1.0, 2.0]).RequiresGrad_();
        var d = (x * 3).Detach();
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
        Assert.Equal([3.0, 6.0], d.ToArray<double>());
    }

    [Fact]
    public void RetainGradKeepsAnIntermediateGradient()
    {
        var x = Tensor.FromArray([1.0, 2.0]).RequiresGrad_();
        var h = (x * 2).RetainGrad();
        (h * h).Sum().Backward();
        Assert.Equal([4.0, 8.0], h.Grad!.ToArray<double>()); // 2h
        Assert.Equal([8.0, 16.0], x.Grad!.ToArray<double>()); // 2h · 2
    }

    [Fact]
    public void CreateGraphGivesSecondDerivatives()
    {
        var x = Tensor.FromArray([1.5]).RequiresGrad_();
        var y = x * x * x; // y' = 3x², y'' = 6x
        var dy = Autograd.Grad(y.Sum(), [x], createGraph: true)[0];
        Assert.Equal(3 * 1.5 * 1.5, dy.Item(), 12);
        Assert.True(dy.RequiresGrad);
        var d2y = Autograd.Grad(dy.Sum(), [x])[0];
        Assert.Equal(6 * 1.5, d2y.Item(), 12);
    }

    [Fact]
    public void BackwardWithCreateGraphAllowsAGradientPenalty()
    {
        var w = Tensor.FromArray([0.5, -1.0]).RequiresGrad_();
        var x = Tensor.FromArray([2.0, 3.0]).RequiresGrad_();
        var score = (w * x * x).Sum(); // ∂score/∂x = 2wx
        var gx = Autograd.Grad(score, [x], createGraph: true)[0];
        var penalty = (gx * gx).Sum(); // Σ 4w²x², ∂/∂w = 8wx²
        penalty.Backward();
        Assert.Equal([8 * 0.5 * 4, 8 * -1.0 * 9], w.Grad!.ToArray<double>());
    }

    [Fact]
    public void GradOfAnUnusedInputIsZero()
    {
        var x = Tensor.Ones(3).RequiresGrad_();
        var unused = Tensor.Ones(2).RequiresGrad_();
        var g = Autograd.Grad((x * 2).Sum(), [x, unused]);
        Assert.Equal([0.0, 0.0], g[1].ToArray<double>());
        Assert.Null(unused.Grad);
    }

    [Fact]
    public void ImplicitGradientNeedsAScalar()
    {
        var x = Tensor.Ones(3).RequiresGrad_();
        var e = Assert.Throws<InvalidOperationException>(() => (x * 2).Backward());
        Assert.Contains("scalar", e.Message);
    }

    [Fact]
    public void BackwardOnATensorWithoutGraphExplains()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.Ones(1).Backward());
        Assert.Contains("RequiresGrad", e.Message);
    }

    [Fact]
    public void IntegerTensorsCannotRequireGrad()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Tensor.Arange(3).RequiresGrad_());
        Assert.Contains("floating-point", e.Message);
    }

    [Fact]
    public void LongChainsDoNotOverflowTheStack()
    {
        var x = Tensor.FromArray([1.0]).RequiresGrad_();
        var y = x;
        for (int i = 0; i < 20_000; i++) y = y * 1.0;
        y.Sum().Backward();
        Assert.Equal(1.0, x.Grad!.Item());
    }

    [Fact]
    public void GradientOfPromotedOperandKeepsTheInputsDType()
    {
        var a = Tensor.Ones(2).RequiresGrad_();
        var b = Tensor.Ones([2], DType.Float64).RequiresGrad_();
        (a * b).Sum().Backward();
        Assert.Equal(DType.Float32, a.Grad!.DType);
        Assert.Equal(DType.Float64, b.Grad!.DType);
    }
}
