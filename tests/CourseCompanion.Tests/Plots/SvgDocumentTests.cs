using System.Globalization;
using System.Xml.Linq;
using CourseCompanion.Plots;
using static CourseCompanion.Tests.Plots.SvgTestKit;

namespace CourseCompanion.Tests.Plots;

public class SvgDocumentTests
{
    public static TheoryData<string> Kinds => [.. Examples.Keys];

    private static readonly Dictionary<string, Func<ISvgRenderable>> Examples = new()
    {
        ["line"] = () => Single(ax => ax.Plot(new double[] { 1, 3, 2 }, label: "a")),
        ["scatter"] = () => Single(ax => ax.Scatter(new float[] { 1, 2 }, new float[] { 3, 4 })),
        ["bar"] = () => Single(ax => ax.Bar(["a", "b"], new[] { 1, 2 })),
        ["hist"] = () => Single(ax => ax.Hist(new double[] { 1, 2, 2, 3 }, bins: 3)),
        ["heatmap"] = () => Single(ax => ax.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }, showValues: true)),
        ["regions"] = () => Single(ax => ax.DecisionRegions(new int[,] { { 0, 1 }, { 1, 1 } }, (0, 1), (0, 1))),
        ["contour"] = () => Single(ax => ax.Contour(new double[,] { { 0, 1 }, { 1, 2 } }, new double[] { 0, 1 }, new double[] { 0, 1 })),
        ["quiver"] = () => Single(ax => ax.Quiver(new double[] { 0, 1 }, new double[] { 0, 0 }, new double[] { 1, 0 }, new double[] { 0, 1 })),
        ["image"] = () => Single(ax => ax.Image(new double[,] { { 0, 1 }, { 1, 0 } })),
        ["log axes"] = () => Single(ax => { ax.Plot(new double[] { 1, 10, 100 }, new double[] { 0.1, 1, 10 }); ax.XScale = ax.YScale = AxisScale.Log; }),
        ["subplots with titles"] = () =>
        {
            var figure = Figure.Subplots(2, 2);
            figure.Title = "a & b < c";
            figure[1, 1].Plot(new double[] { 1, 2 });
            figure[1, 1].XLabel = "x";
            return figure;
        },
        ["training curve"] = () =>
        {
            var curve = new TrainingCurve();
            curve.Add(1, "train loss", 0.5);
            return curve;
        },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_well_formed_standalone_svg(string kind)
    {
        var svg = Parse(Examples[kind]());
        var root = svg.Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Matches(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$", root.Attribute("viewBox")?.Value);
        Assert.NotNull(root.Attribute("width"));
        Assert.NotNull(root.Attribute("height"));
        Assert.Equal("sans-serif", root.Attribute("font-family")?.Value);
        // no ids (they would clash when several SVGs sit inline in one page) and nothing external
        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("id") is not null || e.Name.LocalName is "style" or "script");
        Assert.All(svg.Descendants().Attributes("href"), href => Assert.StartsWith("data:image/png;base64,", href.Value));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Same_input_gives_the_same_bytes_in_any_culture(string kind)
    {
        var first = Examples[kind]().ToSvg();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(first, Examples[kind]().ToSvg());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Coordinates_have_at_most_two_decimals()
    {
        var svg = Examples["line"]().ToSvg();

        Assert.DoesNotMatch(@"\d\.\d{3}", svg);
    }

    [Fact]
    public void Text_is_escaped()
    {
        var svg = Parse(Examples["subplots with titles"]());

        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "a & b < c");
    }
}
