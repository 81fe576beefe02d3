using CourseCompanion.Plots;
using static CourseCompanion.Tests.Plots.SvgTestKit;

namespace CourseCompanion.Tests.Plots;

public class TrainingCurveTests
{
    [Fact]
    public void Metrics_sharing_a_last_word_share_a_panel()
    {
        var curve = new TrainingCurve();
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            curve.Add(epoch, "train loss", 1.0 / epoch);
            curve.Add(epoch, "test loss", 1.5 / epoch);
            curve.Add(epoch, "test acc", 0.5 + 0.1 * epoch);
        }

        var figure = curve.ToFigure();

        Assert.Equal(["loss", "acc"], figure.Axes.Select(a => a.Title));
        var lines = MarksNamed(Parse(curve), "polyline");
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(3, l.Attribute("points")!.Value.Split(' ').Length));
    }

    [Fact]
    public void The_rendering_follows_the_latest_values()
    {
        var curve = new TrainingCurve();
        curve.Add(1, "train loss", 1);
        var before = curve.ToSvg();
        curve.Add(2, "train loss", 0.5);

        Assert.NotEqual(before, curve.ToSvg());
        Assert.Equal("epoch 2: train loss 0.5", curve.ToString());
    }
}
