using CourseCompanion.Plots.Marks;

namespace CourseCompanion.Plots;

/// <summary>Draws one axes into its cell of the figure: limits, margins, grid, marks, frame, ticks, labels, legend, colour bar.</summary>
internal sealed class AxesLayout(
    Axes axes, IReadOnlyList<IMark> marks,
    (double[] Positions, IReadOnlyList<string>? Labels)? xTicks, (double[] Positions, IReadOnlyList<string>? Labels)? yTicks,
    (double Min, double Max)? colorBar)
{
    private const double CharWidth = 6.6; // of 11 px sans-serif, for layout estimates
    private const string Ink = "#333";
    private const string FrameColor = "#888";

    public void Render(SvgWriter svg, double x0, double y0, double width, double height)
    {
        var (xMin, xMax) = Limits(axes.XScale, axes.XLim, m => m.Extent.X);
        var (yMin, yMax) = Limits(axes.YScale, axes.YLim, m => m.Extent.Y);
        var xTickList = TickList(axes.XScale, xMin, xMax, xTicks);
        var yTickList = TickList(axes.YScale, yMin, yMax, yTicks);
        var colorBarTicks = colorBar is { } bar ? Ticks.Linear(bar.Min, bar.Max, 5) : [];

        var widest = (IReadOnlyList<Tick> ticks) => ticks.Select(t => t.Label.Length).DefaultIfEmpty(0).Max() * CharWidth;
        var left = axes.ShowAxis ? 14 + widest(yTickList) + (axes.YLabel is null ? 0 : 18) : 6;
        var right = 14 + (colorBar is null ? 0 : 30 + widest(colorBarTicks));
        var top = axes.Title is null ? 10 : 28;
        var plotWidth = Math.Max(10, width - left - right);
        var rotateX = axes.ShowAxis && xTickList.Count > 1 && widest(xTickList) > plotWidth / xTickList.Count - 4;
        var bottom = axes.ShowAxis ? 24 + (rotateX ? widest(xTickList) * 0.6 : 0) + (axes.XLabel is null ? 0 : 18) : 6;
        var plotHeight = Math.Max(10, height - top - bottom);
        var (plotX, plotY) = (x0 + left, y0 + top);

        if (axes.EqualAspect)
        {
            var aspect = (xMax - xMin) / (yMax - yMin);
            if (plotWidth / plotHeight > aspect) { plotX += (plotWidth - plotHeight * aspect) / 2; plotWidth = plotHeight * aspect; }
            else { plotY += (plotHeight - plotWidth / aspect) / 2; plotHeight = plotWidth / aspect; }
        }

        var p = new Projection(plotWidth, plotHeight, axes.XScale, axes.YScale, xMin, xMax, yMin, yMax, axes.YInverted);
        if (axes.ShowAxis && axes.ShowGrid)
        {
            foreach (var t in xTickList) svg.Line(plotX + p.X(t.Value), plotY, plotX + p.X(t.Value), plotY + plotHeight, "#e6e6e6");
            foreach (var t in yTickList) svg.Line(plotX, plotY + p.Y(t.Value), plotX + plotWidth, plotY + p.Y(t.Value), "#e6e6e6");
        }

        svg.BeginViewport(plotX, plotY, plotWidth, plotHeight);
        foreach (var mark in marks) mark.Render(svg, p);
        svg.EndViewport();

        if (axes.ShowAxis)
        {
            svg.Rect(plotX, plotY, plotWidth, plotHeight, "none", $" stroke=\"{FrameColor}\" stroke-width=\"0.8\"");
            foreach (var t in xTickList)
            {
                var x = plotX + p.X(t.Value);
                svg.Line(x, plotY + plotHeight, x, plotY + plotHeight + 4, FrameColor, 0.8);
                if (rotateX) svg.Text(x + 3, plotY + plotHeight + 12, t.Label, 11, "end", -40, $" fill=\"{Ink}\"");
                else svg.Text(x, plotY + plotHeight + 16, t.Label, 11, "middle", extra: $" fill=\"{Ink}\"");
            }
            foreach (var t in yTickList)
            {
                var y = plotY + p.Y(t.Value);
                svg.Line(plotX - 4, y, plotX, y, FrameColor, 0.8);
                svg.Text(plotX - 7, y + 4, t.Label, 11, "end", extra: $" fill=\"{Ink}\"");
            }
        }

        if (axes.Title is { } title) svg.Text(plotX + plotWidth / 2, y0 + 18, title, 13, "middle", extra: " font-weight=\"bold\"");
        if (axes.XLabel is { } xLabel) svg.Text(plotX + plotWidth / 2, y0 + height - 6, xLabel, 12, "middle");
        if (axes.YLabel is { } yLabel) svg.Text(x0 + 14, plotY + plotHeight / 2, yLabel, 12, "middle", -90);
        DrawLegend(svg, p, plotX, plotY, plotWidth, plotHeight);
        if (colorBar is { } range) DrawColorBar(svg, range, colorBarTicks, plotX + plotWidth + 14, plotY, plotHeight);
    }

    private (double Min, double Max) Limits(AxisScale scale, (double Min, double Max)? fixedLimits, Func<IMark, IEnumerable<double>> extent)
    {
        if (fixedLimits is { } limits) return (scale.Forward(limits.Min), scale.Forward(limits.Max));
        var values = marks.SelectMany(extent).Select(v => scale.Forward(v)).Where(double.IsFinite).ToArray();
        if (values.Length == 0) return (0, 1);
        var (min, max) = (values.Min(), values.Max());
        if (max == min) return (min - 0.5, max + 0.5);
        if (marks.Any(m => m.Tight)) return (min, max);
        var margin = 0.05 * (max - min);
        return (min - margin, max + margin);
    }

    private static IReadOnlyList<Tick> TickList(AxisScale scale, double min, double max, (double[] Positions, IReadOnlyList<string>? Labels)? custom)
    {
        var ticks = custom is { } c
            ? c.Positions.Select((v, i) => new Tick(v, c.Labels?[i] ?? Ticks.Format(v, Step(c.Positions)))).ToList()
            : Ticks.For(scale, scale.Inverse(min), scale.Inverse(max));
        var (low, high) = (Math.Min(min, max), Math.Max(min, max));
        var slack = 1e-9 * (high - low);
        return [.. ticks.Where(t => scale.Forward(t.Value) >= low - slack && scale.Forward(t.Value) <= high + slack)];
    }

    private static double Step(double[] positions) =>
        positions.Zip(positions.Skip(1), (a, b) => Math.Abs(b - a)).Where(d => d > 0).DefaultIfEmpty(1).Min();

    private void DrawLegend(SvgWriter svg, Projection p, double plotX, double plotY, double plotWidth, double plotHeight)
    {
        var entries = marks.SelectMany(m => m.Legend).ToList();
        if (entries.Count == 0 || axes.Legend == LegendLocation.None) return;
        const double row = 17;
        var (boxWidth, boxHeight) = (36 + entries.Max(e => e.Label.Length) * CharWidth, 8 + row * entries.Count);
        (double X, double Y) Corner(LegendLocation location) => (
            location is LegendLocation.UpperLeft or LegendLocation.LowerLeft ? plotX + 8 : plotX + plotWidth - boxWidth - 8,
            location is LegendLocation.UpperLeft or LegendLocation.UpperRight ? plotY + 8 : plotY + plotHeight - boxHeight - 8);
        int Covered(LegendLocation location)
        {
            var (x, y) = Corner(location);
            return marks.SelectMany(m => m.Occupied).Select(d => (X: plotX + p.X(d.X), Y: plotY + p.Y(d.Y)))
                .Count(q => q.X >= x && q.X <= x + boxWidth && q.Y >= y && q.Y <= y + boxHeight);
        }
        var location = axes.Legend != LegendLocation.Best ? axes.Legend
            : new[] { LegendLocation.UpperRight, LegendLocation.UpperLeft, LegendLocation.LowerRight, LegendLocation.LowerLeft }.MinBy(Covered);
        var (boxX, boxY) = Corner(location);
        svg.Rect(boxX, boxY, boxWidth, boxHeight, "#fff", " fill-opacity=\"0.85\" stroke=\"#ccc\"");
        for (var i = 0; i < entries.Count; i++)
        {
            var (e, y) = (entries[i], boxY + 4 + row * i + row / 2);
            switch (e.Symbol)
            {
                case LegendSymbol.Line:
                    svg.Line(boxX + 6, y, boxX + 26, y, e.Color, 2, e.Dash.Length == 0 ? "" : $" stroke-dasharray=\"{e.Dash}\"");
                    break;
                case LegendSymbol.Marker:
                    svg.Circle(boxX + 16, y, 4, e.Color);
                    break;
                default:
                    svg.Rect(boxX + 9, y - 5, 14, 10, e.Color);
                    break;
            }
            svg.Text(boxX + 32, y + 4, e.Label, 11, extra: $" fill=\"{Ink}\"");
        }
    }

    private static void DrawColorBar(SvgWriter svg, (double Min, double Max) range, IReadOnlyList<Tick> ticks, double x, double y, double height)
    {
        const int steps = 64;
        const double width = 14;
        for (var k = 0; k < steps; k++)
            svg.Rect(x, y + height * (steps - k - 1) / steps, width, height / steps + 0.3, Colormap.Viridis((k + 0.5) / steps),
                " shape-rendering=\"crispEdges\"");
        svg.Rect(x, y, width, height, "none", $" stroke=\"{FrameColor}\" stroke-width=\"0.8\"");
        foreach (var t in ticks)
        {
            var ty = y + height * (1 - (t.Value - range.Min) / (range.Max - range.Min));
            svg.Line(x + width, ty, x + width + 4, ty, FrameColor, 0.8);
            svg.Text(x + width + 7, ty + 4, t.Label, 11, extra: $" fill=\"{Ink}\"");
        }
    }
}
