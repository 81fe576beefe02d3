using CourseCompanion.Optim;
using CourseCompanion.Plots;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Optim;

/// <summary>The 2-D test surfaces (minima, grid orientation) and optimizer trajectories on them (chapter 3's known values).</summary>
public class LossSurfaceTests
{
    [Fact]
    public void SurfacesReachTheirStatedMinimum()
    {
        Assert.Equal(0.0, LossSurface.Quadratic.Evaluate(0, 0), 12);
        Assert.Equal(0.0, LossSurface.Rosenbrock.Evaluate(1, 1), 12);
        Assert.Equal(-0.25, LossSurface.Saddle.Evaluate(0, 1), 12);
        Assert.Equal(-0.25, LossSurface.Saddle.Evaluate(0, -1), 12);
        Assert.Equal(0.0, LossSurface.Saddle.Evaluate(0, 0), 12);           // the saddle itself is higher
        Assert.Equal(0.5 * (4 + 10 * 9), LossSurface.Quadratic.Evaluate(2, 3), 12);
    }

    [Fact]
    public void SampleIsIndexedRowByY()
    {
        var (z, xs, ys) = LossSurface.Quadratic.Sample(5);
        Assert.Equal([5, 5], z.Shape);
        var zz = z.ToArray<double>();
        double x = xs.ToArray<double>()[4], y = ys.ToArray<double>()[1];
        Assert.Equal(LossSurface.Quadratic.Evaluate(x, y), zz[1 * 5 + 4], 12);    // z[iy = 1, ix = 4]
    }

    [Fact]
    public void SgdAndMomentumMatchTheHandComputedSteps()
    {
        // ½(x² + 10y²) from (1, 1): SGD η = 0.1 → (0.9, 0); momentum μ = 0.9 → (0.9, 0), (0.72, −0.9)
        var sgd = Trajectory.Follow("sgd", LossSurface.Quadratic, w => new Sgd(w, lr: 0.1), 1, start: (1, 1));
        Assert.Equal(0.9, sgd.X[1], 12);
        Assert.Equal(0.0, sgd.Y[1], 12);
        var momentum = Trajectory.Follow("momentum", LossSurface.Quadratic, w => new Sgd(w, lr: 0.1, momentum: 0.9), 2, start: (1, 1));
        Assert.Equal(0.72, momentum.X[2], 12);
        Assert.Equal(-0.9, momentum.Y[2], 12);
        Assert.Equal(2, momentum.Steps);
        Assert.Equal(0.5 * (0.72 * 0.72 + 10 * 0.81), momentum.Loss[2], 12);
    }

    [Fact]
    public void StepsToReachFindsTheFirstStepBelowTheTolerance()
    {
        var path = Trajectory.Follow("sgd", LossSurface.Quadratic, w => new Sgd(w, lr: 0.1), 200);
        int k = path.StepsToReach(1e-6)!.Value;
        Assert.True(path.Gap[k] < 1e-6);
        Assert.True(path.Gap[k - 1] >= 1e-6);
        Assert.Null(Trajectory.Follow("slow", LossSurface.Quadratic, w => new Sgd(w, lr: 1e-4), 10).StepsToReach(1e-6));
    }

    [Fact]
    public void ADivergingPathStopsAtTheFirstNonFiniteLoss()
    {
        var path = Trajectory.Follow("diverges", LossSurface.Quadratic, w => new Sgd(w, lr: 1e150), 50);
        Assert.True(path.Steps < 50);
        Assert.False(double.IsFinite(path.Loss[^1]));
    }

    [Fact]
    public void DrawContoursSetsTheWindowAndTitle()
    {
        var figure = new Figure();
        LossSurface.Rosenbrock.DrawContours(figure.Ax);
        Assert.Equal((-2.0, 2.0), figure.Ax.XLim!.Value);
        Assert.Contains("Rosenbrock", figure.Ax.Title);
        Assert.Contains("<path", figure.ToSvg());
    }
}
