using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>ToString prints like PyTorch, plus the shape.</summary>
public class TensorFormatterTests
{
    [Fact]
    public void FloatsUseFourDecimalsAlignedInColumns()
    {
        var x = Tensor.FromArray([0.5f, -1.25f, 10f, 2f], 2, 2);
        Assert.Equal("tensor([[ 0.5000, -1.2500],\n        [10.0000,  2.0000]], shape=[2, 2])", x.ToString());
    }

    [Fact]
    public void HigherDimensionsSeparateBlocksWithBlankLines()
    {
        var x = Tensor.Zeros(2, 2, 2) + Tensor.FromArray([0.5f, -1.25f]);
        Assert.Equal("tensor([[[ 0.5000, -1.2500],\n         [ 0.5000, -1.2500]],\n\n        [[ 0.5000, -1.2500],\n         [ 0.5000, -1.2500]]], shape=[2, 2, 2])", x.ToString());
    }

    [Fact]
    public void WholeNumbersPrintWithATrailingDot()
    {
        Assert.Equal("tensor([1., 2., 3.], shape=[3])", Tensor.FromArray([1f, 2f, 3f]).ToString());
    }

    [Fact]
    public void WideRangesSwitchToScientificNotation()
    {
        Assert.Equal("tensor([1.0000e-05, 1.0000e+02], shape=[2], dtype=float64)", Tensor.FromArray([1e-5, 100.0]).ToString());
    }

    [Fact]
    public void IntegersBooleansAndScalars()
    {
        Assert.Equal("tensor([0, 1, 2], shape=[3], dtype=int64)", Tensor.Arange(3).ToString());
        Assert.Equal("tensor([ True, False], shape=[2], dtype=bool)", Tensor.FromArray([true, false]).ToString());
        Assert.Equal("tensor(2.5000, shape=[])", Tensor.Scalar(2.5).ToString());
    }

    [Fact]
    public void LargeTensorsAreSummarisedWithEdgeItems()
    {
        var s = Tensor.Arange(2000).ToString();
        Assert.StartsWith("tensor([   0,    1,    2, ..., 1997, 1998, 1999], shape=[2000]", s);
    }

    [Fact]
    public void GradInformationIsShown()
    {
        var x = Tensor.Ones(1).RequiresGrad_();
        Assert.EndsWith("requires_grad=True)", x.ToString());
        Assert.EndsWith("grad_fn=<MulScalarBackward>)", (x * 2).ToString());
    }
}
