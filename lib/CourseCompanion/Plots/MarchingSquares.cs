namespace CourseCompanion.Plots;

/// <summary>Contour lines by marching squares: the segments where a sampled surface crosses a level.</summary>
internal static class MarchingSquares
{
    /// <summary>
    /// Segments of the level set z = <paramref name="level"/>, where z[iy, ix] is sampled at (xs[ix], ys[iy]).
    /// Saddle cells are resolved by the cell's mean value; cells with a NaN corner are skipped.
    /// </summary>
    public static List<((double X, double Y) A, (double X, double Y) B)> Segments(Grid z, double[] xs, double[] ys, double level)
    {
        var segments = new List<((double, double), (double, double))>();
        for (var i = 0; i + 1 < z.Rows; i++)
            for (var j = 0; j + 1 < z.Columns; j++)
            {
                // corners counter-clockwise from bottom-left: a (j, i), b (j+1, i), c (j+1, i+1), d (j, i+1)
                double a = z[i, j], b = z[i, j + 1], c = z[i + 1, j + 1], d = z[i + 1, j];
                if (double.IsNaN(a + b + c + d)) continue;
                (double, double) Cross(double v0, double v1, double x0, double y0, double x1, double y1)
                {
                    var t = (level - v0) / (v1 - v0);
                    return (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
                }
                var (xl, xr, yb, yt) = (xs[j], xs[j + 1], ys[i], ys[i + 1]);
                var bottom = Cross(a, b, xl, yb, xr, yb);
                var right = Cross(b, c, xr, yb, xr, yt);
                var top = Cross(d, c, xl, yt, xr, yt);
                var left = Cross(a, d, xl, yb, xl, yt);
                var crossed = new List<(double, double)>(4);
                if (a >= level != b >= level) crossed.Add(bottom);
                if (b >= level != c >= level) crossed.Add(right);
                if (d >= level != c >= level) crossed.Add(top);
                if (a >= level != d >= level) crossed.Add(left);
                if (crossed.Count == 2) segments.Add((crossed[0], crossed[1]));
                else if (crossed.Count == 4)
                {
                    // a saddle: a and c on one side, b and d on the other; the centre says which pair is joined
                    var centreWithA = (a + b + c + d) / 4 >= level == a >= level;
                    if (centreWithA) { segments.Add((bottom, right)); segments.Add((top, left)); }
                    else { segments.Add((bottom, left)); segments.Add((right, top)); }
                }
            }
        return segments;
    }
}
