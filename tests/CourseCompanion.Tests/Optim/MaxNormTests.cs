using CourseCompanion.Optim;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Optim;

/// <summary>MaxNorm: projection onto the ℓ2 ball, per tensor and per row.</summary>
public class MaxNormTests
{
    [Fact]
    public void InsideTheBallNothingChanges()
    {
        var w = Tensor.FromArray([0.3, -0.4]);
        Assert.Equal(w.ToArray<double>(), MaxNorm.Project(w, 1.0).ToArray<double>());
    }

    [Fact]
    public void OutsideTheBallTheWeightIsScaledOntoTheSphere()
    {
        var p = MaxNorm.Project(Tensor.FromArray([3.0, -4.0]), 2.0).ToArray<double>();
        Assert.Equal(1.2, p[0], 1e-12);
        Assert.Equal(-1.6, p[1], 1e-12);
    }

    [Fact]
    public void PerRowConstraintTreatsEachUnitOnItsOwn()
    {
        var w = Tensor.FromArray(new double[,] { { 3, 4 }, { 0.1, 0.2 } });
        var p = MaxNorm.Project(w, 1.0, dim: 0).ToArray<double>();
        Assert.Equal([0.6, 0.8, 0.1, 0.2], p.Select(v => Math.Round(v, 12)).ToArray());
    }

    [Fact]
    public void ApplyProjectsParametersInPlace()
    {
        var w = Tensor.FromArray([6.0, 8.0]).RequiresGrad_();
        MaxNorm.Apply_([w], 5.0);
        Assert.Equal([3.0, 4.0], w.Detach().ToArray<double>().Select(v => Math.Round(v, 12)).ToArray());
    }
}
