using CourseCompanion.Tensors;
using CourseCompanion.Tomography;

namespace CourseCompanion.Tests.Tomography;

public class ParallelBeamProjectorTests
{
    [Fact]
    public void BackProjectionIsTheAdjointOfProjection()
    {
        var a = new ParallelBeamProjector(16, 12);
        var f = Tensor.Randn([16, 16], new Generator(1), DType.Float64);
        var p = Tensor.Randn([12, a.Detectors], new Generator(2), DType.Float64);
        double lhs = (a.Project(f) * p).Sum().Item(), rhs = (f * a.BackProject(p)).Sum().Item();
        Assert.True(Math.Abs(lhs - rhs) < 1e-8 * Math.Sqrt((f * f).Sum().Item() * (p * p).Sum().Item()), $"{lhs} vs {rhs}");
    }

    [Fact]
    public void EveryViewOfASinogramSumsToTheImageMass()
    {
        var a = new ParallelBeamProjector(32, 8);
        var f = Phantom.SheppLogan(32).Double();
        var viewSums = a.Project(f).Sum(1).ToArray<double>();
        double mass = f.Sum().Item();
        Assert.All(viewSums, s => Assert.Equal(mass, s, 6));
    }

    [Fact]
    public void FilteredBackProjectionReconstructsADiskAndBeatsPlainBackProjection()
    {
        var a = new ParallelBeamProjector(48, 90);
        var disk = Phantom.Ellipses(48, [new Ellipse(1, 0.6, 0.6, 0, 0, 0)]);
        var sinogram = a.Project(disk);
        var fbp = a.FilteredBackProject(sinogram);
        double rmse = ((fbp - disk).Pow(2).Mean()).Sqrt().Item();
        Assert.True(rmse < 0.12, $"FBP RMSE {rmse}");
        // the ramp filter matters: unfiltered back-projection, even optimally scaled, is far worse
        var bp = a.BackProject(sinogram);
        double scale = (bp * disk).Sum().Item() / (bp * bp).Sum().Item();
        double rmseBp = ((bp * scale - disk).Pow(2).Mean()).Sqrt().Item();
        Assert.True(rmseBp > 2 * rmse, $"BP {rmseBp} vs FBP {rmse}");
    }

    [Fact]
    public void RampKernelTapsAndLearnableConvolution()
    {
        var h = RampFilter.Kernel(4, DType.Float64).ToArray<double>();
        Assert.Equal(7, h.Length);
        Assert.Equal(0.25, h[3]);
        Assert.Equal(-1 / (Math.PI * Math.PI), h[2], 12);
        Assert.Equal(0, h[1]);
        Assert.Equal(-1 / (9 * Math.PI * Math.PI), h[0], 12);
        // a delta in the sinogram row returns the kernel, and the filter is differentiable in its taps
        var p = Tensor.FromArray(new double[] { 0, 1, 0, 0 }, 1, 4);
        var kernel = RampFilter.Kernel(4, DType.Float64).RequiresGrad_();
        var q = RampFilter.Apply(p, kernel);
        Assert.Equal(new[] { h[2], h[3], h[4], h[5] }, q.Detach().ToArray<double>());
        q.Sum().Backward();
        Assert.Equal(4, kernel.Grad!.ToArray<double>().Count(g => g == 1));
        Assert.True(CourseCompanion.Checks.GradientCheck.Run(t => RampFilter.Apply(t[0], t[1]), [Tensor.Randn([3, 4], new Generator(3), DType.Float64), kernel.Detach()]).Passed);
    }
}
