namespace CourseCompanion.Plots.Marks;

/// <summary>A polyline through (x, y); NaN or non-positive values on log axes break the line.</summary>
internal sealed class LineMark(double[] x, double[] y, string color, LineStyle style, double width, string? label) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => (x, y);

    public IEnumerable<LegendEntry> Legend =>
        label is null ? [] : [new LegendEntry(label, color, LegendSymbol.Line, style.DashArray())];

    public IEnumerable<(double X, double Y)> Occupied => x.Length == 0 ? [] :
        Enumerable.Range(0, x.Length - 1).SelectMany(i => Enumerable.Range(0, 8)
            .Select(k => (x[i] + (x[i + 1] - x[i]) * k / 8.0, y[i] + (y[i + 1] - y[i]) * k / 8.0))).Append((x[^1], y[^1]));

    public void Render(SvgWriter svg, Projection p)
    {
        var run = new List<(double, double)>();
        for (var i = 0; i <= x.Length; i++)
        {
            var point = i < x.Length ? (p.X(x[i]), p.Y(y[i])) : (double.NaN, double.NaN);
            if (double.IsFinite(point.Item1) && double.IsFinite(point.Item2)) { run.Add(point); continue; }
            if (run.Count > 0) svg.Polyline(run, color, width, style.DashAttribute());
            run.Clear();
        }
    }
}
