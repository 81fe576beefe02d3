using CourseCompanion.Classical;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Classical;

public class LocalBinaryPatternTests
{
    [Fact]
    public void CodeOfAHandMadeNeighbourhood()
    {
        // neighbours clockwise from the top-left: 9, 1, 7 | 6 | 2, 5, 3 | 8 against the centre 5
        // bits (≥ 5): 1, 0, 1, 1, 0, 1, 0, 1 → 1 + 4 + 8 + 32 + 128 = 173
        var image = Tensor.FromArray(new double[] { 9, 1, 7, 8, 5, 6, 3, 5, 2 }, 3, 3);
        Assert.Equal(new long[] { 173 }, LocalBinaryPattern.Codes(image).ToArray<long>());
    }

    [Fact]
    public void UniformMappingHas58UniformCodesAndOneBinForTheRest()
    {
        var bins = Enumerable.Range(0, 256).Select(LocalBinaryPattern.Uniform).ToArray();
        Assert.Equal(58, bins.Where(b => b < 58).Distinct().Count());
        Assert.Equal(256 - 58, bins.Count(b => b == 58));
        Assert.Equal(0, LocalBinaryPattern.Uniform(0));
        Assert.Equal(58, LocalBinaryPattern.Uniform(0b01010101));
    }

    [Fact]
    public void HistogramsAreNormalisedPerCellAndInvariantToMonotonicBrightnessChanges()
    {
        var image = Tensor.Rand([12, 12], new Generator(2));
        var h = LocalBinaryPattern.Histogram(image, cells: 2);
        Assert.Equal(4 * 59, h.Size(0));
        var perCell = h.Reshape(4, 59).Sum(1).ToArray<float>();
        Assert.All(perCell, s => Assert.Equal(1f, s, 5));
        var brighter = LocalBinaryPattern.Histogram(image.Pow(2) * 3 + 1, cells: 2);
        Assert.Equal(h.ToArray<float>(), brighter.ToArray<float>());
        var batch = LocalBinaryPattern.Features(Tensor.Stack([image, image * 2]), cells: 2);
        Assert.Equal(new[] { 2, 236 }, batch.Shape);
    }
}
