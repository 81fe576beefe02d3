using CourseCompanion.Plots;
using CourseCompanion.Tensors;
using static CourseCompanion.Tests.Plots.SvgTestKit;

namespace CourseCompanion.Tests.Plots;

public class DecisionGridTests
{
    [Fact]
    public void Points_are_cell_centres_row_by_row_from_the_bottom()
    {
        var p = DecisionGrid.Points((0, 4), (10, 12), resolution: 2).ToArray<float>();

        // cells are 2 wide and 1 high: centres x ∈ {1, 3}, y ∈ {10.5, 11.5}; x runs fastest
        Assert.Equal(new float[] { 1, 10.5f, 3, 10.5f, 1, 11.5f, 3, 11.5f }, p);
    }

    [Fact]
    public void Regions_of_a_classifier_match_the_regions_of_its_grid()
    {
        // class 1 right of x = 0.5: the left column of a 2 × 2 grid over [0, 1]² is class 0, the right column class 1
        Func<Tensor, Tensor> classify = x => x.Select(1, 0).Gt(0.5).Long();
        var fromClassifier = Parse(Single(ax => ax.DecisionRegions(classify, (0, 1), (0, 1), resolution: 2))).ToString();
        var fromGrid = Parse(Single(ax => ax.DecisionRegions(new int[,] { { 0, 1 }, { 0, 1 } }, (0, 1), (0, 1)))).ToString();

        Assert.Equal(fromGrid, fromClassifier);
    }

    [Fact]
    public void A_classifier_that_returns_scores_instead_of_classes_is_rejected()
    {
        Func<Tensor, Tensor> scores = x => Tensor.Zeros(x.Size(0), 3);

        var error = Assert.Throws<ArgumentException>(() => new Figure().Ax.DecisionRegions(scores, (0, 1), (0, 1), resolution: 4));
        Assert.Contains("one class index per point", error.Message);
    }
}
