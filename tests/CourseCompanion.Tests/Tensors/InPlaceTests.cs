using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Edge cases of the in-place operations: tensors in the graph refuse them, and writes into views reach the base tensor.</summary>
public class InPlaceTests
{
    [Fact]
    public void InPlaceChangeOfATensorThatRequiresGradIsAClearError()
    {
        var w = Tensor.Ones(3).RequiresGrad_();
        var e = Assert.Throws<InvalidOperationException>(() => w.Add_(Tensor.Ones(3)));
        Assert.Contains("Add_: in-place change of a tensor that requires grad", e.Message);
        Assert.Contains("Autograd.NoGrad()", e.Message); // the hint: how optimizers do it
        Assert.Equal([1f, 1, 1], w.ToArray<float>()); // and nothing was written
    }

    [Fact]
    public void AViewOfATensorThatRequiresGradRefusesToo()
    {
        var w = Tensor.Ones(2, 3).RequiresGrad_();
        Assert.Throws<InvalidOperationException>(() => w.Narrow(1, 0, 2).Mul_(2));
    }

    [Fact]
    public void InsideNoGradTheUpdateIsAllowed()
    {
        var w = Tensor.Ones(3).RequiresGrad_();
        using (Autograd.NoGrad()) w.Add_(Tensor.FromArray(new float[] { 1, 2, 3 }), alpha: -0.5);
        Assert.Equal([0.5f, 0, -0.5f], w.ToArray<float>());
        Assert.True(w.RequiresGrad);
    }

    [Fact]
    public void AddIntoAStridedViewWritesThroughToTheBase()
    {
        var x = Tensor.Zeros(3, 4);
        var everyOtherColumn = x.Slice(1, 0, 4, step: 2);
        Assert.False(everyOtherColumn.IsContiguous);
        everyOtherColumn.Add_(Tensor.FromArray(new float[] { 1, 2 })); // broadcast over the rows
        Assert.Equal([1f, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2, 0], x.ToArray<float>());
    }

    [Fact]
    public void AddIntoATransposedViewWritesThroughToTheBase()
    {
        var x = Tensor.Zeros(2, 3);
        x.T.Add_(Tensor.Arange(1.0, 7.0, 1.0).Reshape(3, 2)); // x.T[i, j] = x[j, i]
        Assert.Equal([1f, 3, 5, 2, 4, 6], x.ToArray<float>());
    }
}
