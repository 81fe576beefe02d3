namespace CourseCompanion.Plots.Marks;

/// <summary>
/// Decision regions: classes[iy, ix] is the class predicted in the cell ix of nx across [x0, x1] and iy of ny across [y0, y1]
/// (row 0 at the bottom, numpy's meshgrid order); filled in the palette's pale class colours, equal neighbours merged.
/// </summary>
internal sealed class RegionsMark(Grid classes, (double Min, double Max) x, (double Min, double Max) y) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent => ([x.Min, x.Max], [y.Min, y.Max]);

    public bool Tight => true;

    public void Render(SvgWriter svg, Projection p)
    {
        var (dx, dy) = ((x.Max - x.Min) / classes.Columns, (y.Max - y.Min) / classes.Rows);
        for (var iy = 0; iy < classes.Rows; iy++)
            for (var start = 0; start < classes.Columns;)
            {
                var end = start + 1;
                while (end < classes.Columns && classes[iy, end] == classes[iy, start]) end++;
                var (x0, x1) = (p.X(x.Min + start * dx), p.X(x.Min + end * dx));
                var (y0, y1) = (p.Y(y.Min + iy * dy), p.Y(y.Min + (iy + 1) * dy));
                svg.Rect(x0, Math.Min(y0, y1), x1 - x0, Math.Abs(y1 - y0), Palette.Color((int)classes[iy, start]),
                    " fill-opacity=\"0.3\" shape-rendering=\"crispEdges\"");
                start = end;
            }
    }
}
