using System.Globalization;

namespace CourseCompanion.Plots;

/// <summary>
/// Training curves that a loop fills in, like d2l's <c>Animator</c>. Metrics are grouped by the last word of their name
/// ("train loss" and "test loss" share the "loss" panel; "train acc" and "test acc" the "acc" panel).
/// In a notebook: <c>var h = display(curve);</c> once, then <c>curve.Add(...)</c> and <c>h.Update(curve)</c> each epoch.
/// </summary>
[TypeFormatterSource(typeof(RichOutputFormatters), PreferredMimeTypes = [MimeTypes.Svg])]
public sealed class TrainingCurve(string xLabel = "epoch", int panelWidth = 400, int height = 280) : ISvgRenderable
{
    private readonly Dictionary<string, List<(double X, double Y)>> metrics = [];

    /// <summary>Log-scale y axes, e.g. for losses spanning decades.</summary>
    public bool LogY { get; set; }

    /// <summary>Records <paramref name="value"/> of <paramref name="metric"/> at <paramref name="x"/> (an epoch, or a fractional epoch).</summary>
    public void Add(double x, string metric, double value)
    {
        if (!metrics.TryGetValue(metric, out var points)) metrics[metric] = points = [];
        points.Add((x, value));
    }

    /// <summary>The curves as a figure: one panel per metric group, one line per metric.</summary>
    public Figure ToFigure()
    {
        var groups = metrics.GroupBy(m => Group(m.Key)).ToList();
        var figure = Figure.Subplots(1, Math.Max(1, groups.Count), panelWidth * Math.Max(1, groups.Count), height);
        foreach (var (group, ax) in groups.Zip(figure.Axes))
        {
            (ax.Title, ax.XLabel, ax.YScale) = (group.Key, xLabel, LogY ? AxisScale.Log : AxisScale.Linear);
            foreach (var (name, points) in group)
                ax.Plot(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), label: name);
        }
        return figure;
    }

    /// <inheritdoc/>
    public string ToSvg() => ToFigure().ToSvg();

    /// <summary>The latest value of every metric, e.g. "epoch 10: train loss 0.312, test acc 0.871".</summary>
    public override string ToString()
    {
        if (metrics.Count == 0) return "TrainingCurve (empty)";
        var last = metrics.Values.Max(points => points[^1].X);
        return $"{xLabel} {last.ToString("0.###", CultureInfo.InvariantCulture)}: " +
               string.Join(", ", metrics.Select(m => $"{m.Key} {m.Value[^1].Y.ToString("0.###", CultureInfo.InvariantCulture)}"));
    }

    private static string Group(string metric) => metric.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? metric;
}
