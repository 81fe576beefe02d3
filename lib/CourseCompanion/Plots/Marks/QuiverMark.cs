namespace CourseCompanion.Plots.Marks;

/// <summary>Arrows of (s·u, s·v) centred on (x, y), as a policy's arrows sit in their cells; zero vectors (e.g. terminal states) draw nothing.</summary>
internal sealed class QuiverMark(double[] x, double[] y, double[] u, double[] v, double scale, string color) : IMark
{
    public (IEnumerable<double> X, IEnumerable<double> Y) Extent =>
        (x.SelectMany((xi, i) => new[] { xi - scale * u[i] / 2, xi + scale * u[i] / 2 }),
         y.SelectMany((yi, i) => new[] { yi - scale * v[i] / 2, yi + scale * v[i] / 2 }));

    public void Render(SvgWriter svg, Projection p)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (u[i] == 0 && v[i] == 0) continue;
            var (x0, y0) = (p.X(x[i] - scale * u[i] / 2), p.Y(y[i] - scale * v[i] / 2));
            var (x1, y1) = (p.X(x[i] + scale * u[i] / 2), p.Y(y[i] + scale * v[i] / 2));
            var length = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
            if (!double.IsFinite(length) || length < 1e-9) continue;
            var head = Math.Min(8, 0.4 * length);
            var (ux, uy) = ((x1 - x0) / length, (y1 - y0) / length);
            const double spread = 0.45; // tan of half the head's angle
            var (lx, ly) = (x1 - head * (ux + spread * uy), y1 - head * (uy - spread * ux));
            var (rx, ry) = (x1 - head * (ux - spread * uy), y1 - head * (uy + spread * ux));
            static string N(double value) => SvgWriter.N(value);
            svg.Path($"M{N(x0)} {N(y0)}L{N(x1)} {N(y1)}M{N(lx)} {N(ly)}L{N(x1)} {N(y1)}L{N(rx)} {N(ry)}", color, 1.6,
                " stroke-linecap=\"round\" stroke-linejoin=\"round\"");
        }
    }

    /// <summary>The scale that makes the longest arrow 0.9 of the smallest spacing between arrow positions.</summary>
    public static double AutoScale(double[] x, double[] y, double[] u, double[] v)
    {
        static double SmallestGap(double[] values) =>
            values.Distinct().Order().Zip(values.Distinct().Order().Skip(1), (a, b) => b - a).DefaultIfEmpty(double.PositiveInfinity).Min();
        var spacing = Math.Min(SmallestGap(x), SmallestGap(y));
        if (double.IsInfinity(spacing)) spacing = 1;
        var longest = u.Zip(v, (a, b) => Math.Sqrt(a * a + b * b)).DefaultIfEmpty(0).Max();
        return longest > 0 ? 0.9 * spacing / longest : 1;
    }
}
