namespace CourseCompanion.Plots.Marks;

/// <summary>Points as circles, one colour per point; outlined when coloured by class so they stand out on regions.</summary>
internal sealed class ScatterMark(double[] x, double[] y, string[] colors, double radius, IReadOnlyList<LegendEntry> legend, bool outlined) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => (x, y);

    public IEnumerable<LegendEntry> Legend => legend;

    public void Render(SvgWriter svg, Projection p)
    {
        var outline = outlined ? " stroke=\"#222\" stroke-width=\"0.6\"" : "";
        for (var i = 0; i < x.Length; i++)
        {
            var (px, py) = (p.X(x[i]), p.Y(y[i]));
            if (double.IsFinite(px) && double.IsFinite(py)) svg.Circle(px, py, radius, colors[i], outline);
        }
    }
}
