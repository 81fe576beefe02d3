using CourseCompanion.Plots;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Plots;

/// <summary>Tensors convert to plot inputs in PyTorch's layouts, with clear errors for the wrong rank.</summary>
public class TensorInputTests
{
    [Fact]
    public void AOneDimensionalTensorIsASeries()
    {
        Series s = Tensor.FromArray([1f, 2f, 4f]).Unsqueeze(0);
        Assert.Equal(3, s.Count);
        Assert.Equal(4.0, s[2]);
        var e = Assert.Throws<ArgumentException>(() => { Series bad = Tensor.Zeros(2, 2); });
        Assert.Contains("[2, 2]", e.Message);
    }

    [Fact]
    public void AMatrixIsAGridIndexedRowThenColumn()
    {
        Grid g = Tensor.Arange(6).Reshape(2, 3);
        Assert.Equal((2, 3), (g.Rows, g.Columns));
        Assert.Equal(5.0, g[1, 2]);
    }

    [Fact]
    public void ChannelsFirstImagesBecomeChannelsLastPixels()
    {
        var rgb = Tensor.Zeros(3, 1, 2);
        using (Autograd.NoGrad()) rgb[0].Fill_(1); // red channel on
        Picture p = rgb;
        Assert.Equal((1, 2), (p.Height, p.Width));
        var grid = new ImageGrid(Tensor.Rand(4, 1, 5, 5), columns: 2);
        Assert.Equal((2, 2), (grid.Rows, grid.Columns));
    }
}
