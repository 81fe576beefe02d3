using System.Xml.Linq;
using CourseCompanion.Plots;
using static CourseCompanion.Tests.Plots.SvgTestKit;

namespace CourseCompanion.Tests.Plots;

public class MarkTests
{
    [Fact]
    public void A_line_is_one_polyline_through_every_point()
    {
        var svg = Parse(Single(ax => ax.Plot(new double[] { 0, 1, 2, 3, 4 }, new double[] { 1, 4, 9, 16, 25 })));

        var line = Assert.Single(MarksNamed(svg, "polyline"));
        Assert.Equal(5, line.Attribute("points")!.Value.Split(' ').Length);
    }

    [Fact]
    public void NaN_breaks_a_line_in_two()
    {
        var svg = Parse(Single(ax => ax.Plot(new double[] { 1, 2, double.NaN, 4, 5, 6 })));

        Assert.Equal([2, 3], MarksNamed(svg, "polyline").Select(l => l.Attribute("points")!.Value.Split(' ').Length));
    }

    [Fact]
    public void Higher_values_are_drawn_higher_up()
    {
        var svg = Parse(Single(ax => ax.Plot(new double[] { 1, 2 })));

        var points = MarksNamed(svg, "polyline")[0].Attribute("points")!.Value.Split(' ')
            .Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.True(points[1] < points[0]);
    }

    [Fact]
    public void Scatter_draws_one_circle_per_point_in_its_class_colour()
    {
        var svg = Parse(Single(ax => ax.Scatter(new double[] { 0, 1, 2 }, new double[] { 0, 1, 2 }, classes: [0, 1, 0])));

        var fills = MarksNamed(svg, "circle").Select(c => c.Attribute("fill")!.Value).ToArray();
        Assert.Equal([Palette.Color(0), Palette.Color(1), Palette.Color(0)], fills);
    }

    [Fact]
    public void Bars_and_histogram_bins_are_one_rect_each()
    {
        var bars = Parse(Single(ax => ax.Bar(["a", "b", "c", "d"], new double[] { 1, 2, 3, 4 })));
        var hist = Parse(Single(ax => ax.Hist(Enumerable.Range(0, 100).Select(i => (double)i).ToArray(), bins: 10)));

        Assert.Equal(4, MarksNamed(bars, "rect").Count);
        var heights = MarksNamed(hist, "rect").Select(r => r.Attribute("height")!.Value).ToArray();
        Assert.Equal(10, heights.Length);
        Assert.Single(heights.Distinct()); // 0..99 in 10 bins: 10 values each
    }

    [Fact]
    public void Category_labels_become_tick_labels()
    {
        var svg = Parse(Single(ax => ax.Bar(["cat", "dog"], new double[] { 1, 2 })));

        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("cat", texts);
        Assert.Contains("dog", texts);
    }

    [Fact]
    public void Heatmap_has_a_cell_and_a_value_per_entry_and_a_colour_bar()
    {
        var svg = Parse(Single(ax => ax.Heatmap(new int[,] { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } }, showValues: true)));

        Assert.Equal(12, MarksNamed(svg, "rect").Count);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i.ToString()), MarksNamed(svg, "text").Select(t => t.Value));
        Assert.Equal(64, svg.Root!.Elements(Svg + "rect").Count(r => r.Attribute("shape-rendering") is not null)); // colour bar steps
    }

    [Fact]
    public void Decision_regions_merge_equal_neighbours_in_a_row()
    {
        var svg = Parse(Single(ax => ax.DecisionRegions(new int[,] { { 0, 0, 1 }, { 2, 2, 2 } }, (0, 3), (0, 2))));

        var fills = MarksNamed(svg, "rect").Select(r => r.Attribute("fill")!.Value).ToArray();
        Assert.Equal([Palette.Color(0), Palette.Color(1), Palette.Color(2)], fills);
    }

    [Fact]
    public void Quiver_draws_an_arrow_per_non_zero_vector()
    {
        var svg = Parse(Single(ax => ax.Quiver(
            new double[] { 0, 1, 0, 1 }, new double[] { 0, 0, 1, 1 }, new double[] { 1, 0, -1, 0 }, new double[] { 0, 1, 0, 0 })));

        Assert.Equal(3, MarksNamed(svg, "path").Count);
    }

    [Fact]
    public void Contour_draws_one_path_per_level_that_is_crossed()
    {
        var xs = Enumerable.Range(0, 21).Select(i => -1 + i / 10.0).ToArray();
        var z = new double[21, 21];
        for (var iy = 0; iy < 21; iy++) for (var ix = 0; ix < 21; ix++) z[iy, ix] = xs[ix] * xs[ix] + xs[iy] * xs[iy];

        var svg = Parse(Single(ax => ax.Contour(z, xs, xs, new double[] { 0.25, 0.5, 5 })));

        Assert.Equal(2, MarksNamed(svg, "path").Count); // level 5 lies outside the data
    }

    [Fact]
    public void Image_is_embedded_as_a_png()
    {
        var svg = Parse(Single(ax => ax.Image(new double[,] { { 0, 1 } })));

        var image = Assert.Single(MarksNamed(svg, "image"));
        var png = DecodedPng.Decode(Convert.FromBase64String(image.Attribute("href")!.Value["data:image/png;base64,".Length..]));
        Assert.Equal(new byte[] { 0, 255 }, png.Pixels);
    }

    [Fact]
    public void Labelled_series_get_a_legend_entry_each()
    {
        var svg = Parse(Single(ax => ax.Plot(new double[] { 1, 2 }, label: "train").Plot(new double[] { 2, 1 }, label: "test")));

        var texts = svg.Root!.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("train", texts);
        Assert.Contains("test", texts);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Figure().Ax.Plot(new double[] { 1, 2 }, new double[] { 1 }));
    }
}
