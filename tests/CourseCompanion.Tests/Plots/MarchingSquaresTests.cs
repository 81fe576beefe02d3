using CourseCompanion.Plots;

namespace CourseCompanion.Tests.Plots;

public class MarchingSquaresTests
{
    [Fact]
    public void Contour_of_a_paraboloid_is_a_circle_of_the_right_radius()
    {
        var xs = Enumerable.Range(0, 41).Select(i => -2 + i / 10.0).ToArray();
        var z = new double[41, 41];
        for (var iy = 0; iy < 41; iy++) for (var ix = 0; ix < 41; ix++) z[iy, ix] = xs[ix] * xs[ix] + xs[iy] * xs[iy];

        var segments = MarchingSquares.Segments(z, xs, xs, level: 1);

        Assert.True(segments.Count > 40);
        var radii = segments.SelectMany(s => new[] { s.A, s.B }).Select(p => Math.Sqrt(p.X * p.X + p.Y * p.Y)).ToArray();
        Assert.All(radii, r => Assert.InRange(r, 0.98, 1.01)); // linear interpolation cuts the chord slightly inside
    }

    [Fact]
    public void Saddle_cells_give_two_segments()
    {
        var z = new double[,] { { 1, 0 }, { 0, 1 } }; // a and c high, b and d low

        var segments = MarchingSquares.Segments(z, [0, 1], [0, 1], level: 0.5);

        Assert.Equal(2, segments.Count);
    }
}
