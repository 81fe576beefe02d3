using CourseCompanion.Data;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Data;

public class TabularDatasetTests
{
    [Fact]
    public void IrisHas150FlowersOf3Species()
    {
        var iris = Iris.Load();
        Assert.Equal([150, 4], iris.Inputs.Shape);
        Assert.Equal(DType.Int64, iris.Targets.DType);
        Assert.Equal(new float[] { 5.1f, 3.5f, 1.4f, 0.2f }, iris.Inputs[0].ToArray<float>());
        var counts = iris.Targets.ToArray<long>().CountBy(l => l).OrderBy(p => p.Key).Select(p => p.Value);
        Assert.Equal([50, 50, 50], counts);
        Assert.Equal("virginica", Iris.ClassNames[(int)iris.Targets.ToArray<long>()[149]]);
        Assert.Equal(4, Iris.FeatureNames.Count);
    }

    [Fact]
    public void DigitsHas1797ImagesOf8By8PixelsIn0To16()
    {
        var digits = Digits.Load();
        Assert.Equal([1797, 64], digits.Inputs.Shape);
        var pixels = digits.Inputs.ToArray<float>();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(16f, pixels.Max());
        var labels = digits.Targets.ToArray<long>();
        Assert.Equal([0L, 1, 2, 3, 4], labels[..5]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), labels.Distinct().Order());
        Assert.Equal(new float[] { 0, 0, 5, 13, 9, 1, 0, 0 }, digits.Inputs[0].ToArray<float>()[..8]);
    }
}
