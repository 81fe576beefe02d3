using System.Globalization;

namespace CourseCompanion.Plots.Marks;

/// <summary>A matrix as coloured cells, row 0 on top (the axes is y-inverted), optionally with each cell's value written in it.</summary>
internal sealed class HeatmapMark(Grid values, double min, double max, bool showValues) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => ([-0.5, values.Columns - 0.5], [-0.5, values.Rows - 0.5]);

    public bool Tight => true;

    public void Render(SvgWriter svg, Projection p)
    {
        var format = values.All.All(v => v == Math.Round(v)) ? "0" : Math.Max(Math.Abs(min), Math.Abs(max)) < 10 ? "0.00" : "0.0";
        for (var r = 0; r < values.Rows; r++)
            for (var c = 0; c < values.Columns; c++)
            {
                var (x0, x1, y0, y1) = (p.X(c - 0.5), p.X(c + 0.5), p.Y(r - 0.5), p.Y(r + 0.5));
                var color = Colormap.Viridis((values[r, c] - min) / (max - min));
                svg.Rect(x0, Math.Min(y0, y1), x1 - x0, Math.Abs(y1 - y0), color, " shape-rendering=\"crispEdges\"");
                if (!showValues) continue;
                var size = Math.Clamp(Math.Min(x1 - x0, Math.Abs(y1 - y0)) * 0.35, 6, 12);
                svg.Text((x0 + x1) / 2, (y0 + y1) / 2 + size * 0.35, values[r, c].ToString(format, CultureInfo.InvariantCulture),
                    size, "middle", extra: $" fill=\"{Colormap.TextColorOn(color)}\"");
            }
    }
}
