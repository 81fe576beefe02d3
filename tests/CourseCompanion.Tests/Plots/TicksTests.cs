using CourseCompanion.Plots;
using static CourseCompanion.Tests.Plots.SvgTestKit;

namespace CourseCompanion.Tests.Plots;

public class TicksTests
{
    [Fact]
    public void Linear_ticks_are_nice_steps_with_matching_decimals()
    {
        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], Ticks.Linear(0, 1).Select(t => t.Label));
        Assert.Equal(["-20", "0", "20", "40"], Ticks.Linear(-23, 47, 4).Select(t => t.Label));
    }

    [Fact]
    public void Log_ticks_are_powers_of_ten()
    {
        Assert.Equal(["0.001", "0.01", "0.1", "1", "10", "100"], Ticks.Log(1e-3, 200).Select(t => t.Label));
        Assert.Equal(["1e-8", "1e-6", "1e-4", "0.01", "1"], Ticks.Log(1e-8, 1).Select(t => t.Label)); // thinned when many
    }

    [Fact]
    public void A_log_axis_labels_its_decades()
    {
        var figure = Single(ax =>
        {
            ax.Plot(new double[] { 1, 2, 3, 4 }, new double[] { 1e-3, 1e-2, 1, 100 });
            ax.YScale = AxisScale.Log;
        });

        var yTickLabels = Parse(figure).Root!.Elements(Svg + "text")
            .Where(t => t.Attribute("text-anchor")?.Value == "end").Select(t => t.Value);
        Assert.Equal(["0.001", "0.01", "0.1", "1", "10", "100"], yTickLabels);
    }

    [Fact]
    public void Non_positive_values_are_left_out_on_log_axes()
    {
        var figure = Single(ax =>
        {
            ax.Plot(new double[] { 0, -1, 10, 100 });
            ax.YScale = AxisScale.Log;
        });

        var line = Assert.Single(MarksNamed(Parse(figure), "polyline"));
        Assert.Equal(2, line.Attribute("points")!.Value.Split(' ').Length);
    }
}
