namespace CourseCompanion.Plots.Marks;

/// <summary>Bars from y = 0 to their height, each spanning [left, right]; used by bar charts and histograms.</summary>
internal sealed class BarMark(double[] left, double[] right, double[] height, string color, string? label) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => (left.Concat(right), height.Append(0));

    public IEnumerable<LegendEntry> Legend => label is null ? [] : [new LegendEntry(label, color, LegendSymbol.Patch)];

    public void Render(SvgWriter svg, Projection p)
    {
        for (var i = 0; i < height.Length; i++)
        {
            var (x0, x1, top) = (p.X(left[i]), p.X(right[i]), p.Y(height[i]));
            if (!double.IsFinite(x0) || !double.IsFinite(x1) || !double.IsFinite(top)) continue;
            svg.Rect(Math.Min(x0, x1), Math.Min(top, p.Baseline), Math.Abs(x1 - x0), Math.Abs(p.Baseline - top), color,
                " stroke=\"#fff\" stroke-width=\"0.5\"");
        }
    }
}
