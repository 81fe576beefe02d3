using System.Text;

namespace CourseCompanion.Plots.Marks;

/// <summary>Contour lines of z[iy, ix] sampled at (xs[ix], ys[iy]), one path per level, coloured by level (viridis).</summary>
internal sealed class ContourMark(Grid z, double[] xs, double[] ys, double[] levels) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => (xs, ys);

    public bool Tight => true;

    public void Render(SvgWriter svg, Projection p)
    {
        var (low, high) = (levels.Min(), levels.Max());
        foreach (var level in levels)
        {
            var d = new StringBuilder();
            foreach (var (a, b) in MarchingSquares.Segments(z, xs, ys, level))
                d.Append($"M{SvgWriter.N(p.X(a.X))} {SvgWriter.N(p.Y(a.Y))}L{SvgWriter.N(p.X(b.X))} {SvgWriter.N(p.Y(b.Y))}");
            if (d.Length > 0)
                svg.Path(d.ToString(), Colormap.Viridis(high > low ? (level - low) / (high - low) : 0.5), 1.4, " stroke-linecap=\"round\"");
        }
    }
}
