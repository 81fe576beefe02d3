using CourseCompanion.Plots.Marks;

namespace CourseCompanion.Plots;

/// <summary>
/// One panel of a <see cref="Figure"/>: plotting methods add marks (and return this axes, so calls chain);
/// properties set titles, labels, scales and limits, as in matplotlib. Displaying an axes shows its whole figure.
/// </summary>
[TypeFormatterSource(typeof(RichOutputFormatters), PreferredMimeTypes = [MimeTypes.Svg])]
public sealed class Axes : ISvgRenderable
{
    private readonly Figure figure;
    private readonly List<IMark> marks = [];
    private int nextColor;
    private (double[] Positions, IReadOnlyList<string>? Labels)? xTicks, yTicks;
    private (double Min, double Max)? colorBar;

    internal Axes(Figure figure) => this.figure = figure;

    /// <summary>The panel's title.</summary>
    public string? Title { get; set; }

    /// <summary>The x axis label.</summary>
    public string? XLabel { get; set; }

    /// <summary>The y axis label.</summary>
    public string? YLabel { get; set; }

    /// <summary>Linear (default) or log.</summary>
    public AxisScale XScale { get; set; }

    /// <summary>Linear (default) or log.</summary>
    public AxisScale YScale { get; set; }

    /// <summary>Fixed x limits; by default the data's range plus a margin.</summary>
    public (double Min, double Max)? XLim { get; set; }

    /// <summary>Fixed y limits; by default the data's range plus a margin.</summary>
    public (double Min, double Max)? YLim { get; set; }

    /// <summary>Light grid lines at the ticks (default on).</summary>
    public bool ShowGrid { get; set; } = true;

    /// <summary>Frame, ticks and tick labels (default on); off is matplotlib's <c>axis("off")</c>.</summary>
    public bool ShowAxis { get; set; } = true;

    /// <summary>Where the legend goes; it appears once a series has a label.</summary>
    public LegendLocation Legend { get; set; }

    internal bool YInverted { get; private set; }

    internal bool EqualAspect { get; private set; }

    /// <summary>A line through (0, y[0]), (1, y[1]), ...</summary>
    public Axes Plot(Series y, string? label = null, string? color = null, LineStyle style = LineStyle.Solid, double width = 1.8) =>
        Plot(Series.Range(y.Count), y, label, color, style, width);

    /// <summary>A line through the points (x[i], y[i]).</summary>
    public Axes Plot(Series x, Series y, string? label = null, string? color = null, LineStyle style = LineStyle.Solid, double width = 1.8)
    {
        SameLength(x, y);
        return Add(new LineMark(x.Values, y.Values, color ?? NextColor(), style, width, label));
    }

    /// <summary>Points (x[i], y[i]); with <paramref name="classes"/>, each point gets its class's palette colour (as in <see cref="DecisionRegions"/>).</summary>
    public Axes Scatter(Series x, Series y, string? label = null, string? color = null, IReadOnlyList<int>? classes = null, double size = 3.5)
    {
        SameLength(x, y);
        if (classes is null)
        {
            var single = color ?? NextColor();
            return Add(new ScatterMark(x.Values, y.Values, [.. Enumerable.Repeat(single, x.Count)], size,
                label is null ? [] : [new LegendEntry(label, single, LegendSymbol.Marker)], outlined: false));
        }
        if (classes.Count != x.Count) throw new ArgumentException($"{classes.Count} classes for {x.Count} points.", nameof(classes));
        var legend = classes.Distinct().Order().Select(k => new LegendEntry($"{label ?? "class"} {k}", Palette.Color(k), LegendSymbol.Marker));
        return Add(new ScatterMark(x.Values, y.Values, [.. classes.Select(Palette.Color)], size, [.. legend], outlined: true));
    }

    /// <summary>One bar per category, labelled on the x axis.</summary>
    public Axes Bar(IReadOnlyList<string> categories, Series heights, string? label = null, string? color = null)
    {
        if (categories.Count != heights.Count) throw new ArgumentException($"{categories.Count} categories for {heights.Count} heights.");
        XTicks(Series.Range(categories.Count), categories);
        return Bar(Series.Range(categories.Count), heights, 0.8, label, color);
    }

    /// <summary>Bars of <paramref name="width"/> centred at x[i].</summary>
    public Axes Bar(Series x, Series heights, double width = 0.8, string? label = null, string? color = null)
    {
        SameLength(x, heights);
        return Add(new BarMark([.. x.Values.Select(v => v - width / 2)], [.. x.Values.Select(v => v + width / 2)],
            heights.Values, color ?? NextColor(), label));
    }

    /// <summary>A histogram of the finite values in equal-width bins; <paramref name="density"/> scales it to unit area.</summary>
    public Axes Hist(Series values, int bins = 20, string? label = null, string? color = null, bool density = false)
    {
        var data = values.Values.Where(double.IsFinite).ToArray();
        if (data.Length == 0 || bins < 1) throw new ArgumentException("A histogram needs finite values and at least one bin.");
        var (min, max) = (data.Min(), data.Max());
        if (max == min) (min, max) = (min - 0.5, max + 0.5);
        var width = (max - min) / bins;
        var counts = new double[bins];
        foreach (var v in data) counts[Math.Min((int)((v - min) / width), bins - 1)]++;
        if (density) for (var i = 0; i < bins; i++) counts[i] /= data.Length * width;
        var left = Enumerable.Range(0, bins).Select(i => min + i * width).ToArray();
        return Add(new BarMark(left, [.. left.Select(l => l + width)], counts, color ?? NextColor(), label));
    }

    /// <summary>
    /// A matrix as coloured cells (viridis), row 0 on top, with a colour bar; <paramref name="showValues"/> writes each value
    /// in its cell (confusion matrices, attention weights).
    /// </summary>
    public Axes Heatmap(Grid values, IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null,
        bool showValues = false, bool showColorBar = true, double? min = null, double? max = null)
    {
        var finite = values.All.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var (low, high) = (min ?? finite.Min(), max ?? finite.Max());
        if (high <= low) high = low + 1;
        YInverted = true;
        ShowGrid = false;
        if (xLabels is not null || values.Columns <= 20) XTicks(Series.Range(values.Columns), xLabels);
        if (yLabels is not null || values.Rows <= 20) YTicks(Series.Range(values.Rows), yLabels);
        if (showColorBar) colorBar = (low, high);
        return Add(new HeatmapMark(values, low, high, showValues));
    }

    /// <summary>
    /// Filled decision regions: classes[iy, ix] is the class of cell (ix, iy) of a grid spanning <paramref name="x"/> × <paramref name="y"/>,
    /// row 0 at the bottom (numpy's meshgrid order). Add the data on top with <see cref="Scatter"/> and <c>classes:</c>.
    /// </summary>
    public Axes DecisionRegions(Grid classes, (double Min, double Max) x, (double Min, double Max) y)
    {
        ShowGrid = false;
        return Add(new RegionsMark(classes, x, y));
    }

    /// <summary>Contour lines of z[iy, ix] sampled at (x[ix], y[iy]) at about <paramref name="levels"/> nice levels.</summary>
    public Axes Contour(Grid z, Series x, Series y, int levels = 8)
    {
        var finite = z.All.Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        var nice = Ticks.Linear(finite.Min(), finite.Max(), levels).Select(t => t.Value).Where(v => v > finite.Min() && v < finite.Max());
        return Contour(z, x, y, nice.ToArray());
    }

    /// <summary>Contour lines of z[iy, ix] sampled at (x[ix], y[iy]) at the given levels.</summary>
    public Axes Contour(Grid z, Series x, Series y, Series levels)
    {
        if (z.Columns != x.Count || z.Rows != y.Count)
            throw new ArgumentException($"z is {z.Rows}×{z.Columns} but there are {y.Count} y and {x.Count} x values.");
        return Add(new ContourMark(z, x.Values, y.Values, levels.Values));
    }

    /// <summary>Arrows along (u, v) centred on (x, y), e.g. a policy on a grid world; by default scaled so they do not overlap.</summary>
    public Axes Quiver(Series x, Series y, Series u, Series v, string? color = null, double? scale = null)
    {
        SameLength(x, y); SameLength(x, u); SameLength(x, v);
        var s = scale ?? QuiverMark.AutoScale(x.Values, y.Values, u.Values, v.Values);
        return Add(new QuiverMark(x.Values, y.Values, u.Values, v.Values, s, color ?? NextColor()));
    }

    /// <summary>A picture with square pixels, row 0 on top, like matplotlib's <c>imshow</c>.</summary>
    public Axes Image(Picture picture)
    {
        YInverted = true;
        EqualAspect = true;
        ShowGrid = false;
        return Add(new ImageMark(picture));
    }

    /// <summary>Puts the x ticks at <paramref name="positions"/>, labelled by <paramref name="labels"/> or by their values.</summary>
    public Axes XTicks(Series positions, IReadOnlyList<string>? labels = null)
    {
        xTicks = (positions.Values, CheckLabels(positions, labels));
        return this;
    }

    /// <summary>Puts the y ticks at <paramref name="positions"/>, labelled by <paramref name="labels"/> or by their values.</summary>
    public Axes YTicks(Series positions, IReadOnlyList<string>? labels = null)
    {
        yTicks = (positions.Values, CheckLabels(positions, labels));
        return this;
    }

    /// <summary>The figure this axes belongs to, as SVG.</summary>
    public string ToSvg() => figure.ToSvg();

    /// <inheritdoc/>
    public override string ToString() => $"Axes \"{Title}\" with {marks.Count} marks (a panel of {figure})";

    private Axes Add(IMark mark)
    {
        marks.Add(mark);
        return this;
    }

    private string NextColor() => Palette.Color(nextColor++);

    private static void SameLength(Series a, Series b)
    {
        if (a.Count != b.Count) throw new ArgumentException($"Lengths differ: {a.Count} and {b.Count}.");
    }

    private static IReadOnlyList<string>? CheckLabels(Series positions, IReadOnlyList<string>? labels) =>
        labels is null || labels.Count == positions.Count ? labels
            : throw new ArgumentException($"{labels.Count} labels for {positions.Count} ticks.", nameof(labels));

    internal void Render(SvgWriter svg, double x0, double y0, double width, double height) =>
        new AxesLayout(this, marks, xTicks, yTicks, colorBar).Render(svg, x0, y0, width, height);
}
