using CourseCompanion.Data;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Data;

public class DataLoaderTests
{
    /// <summary>10 examples: input row i is [i, 10 + i], target i.</summary>
    private static TensorDataset Numbered(int n = 10) => new(
        Tensor.FromArray(Enumerable.Range(0, n).SelectMany(i => new[] { (float)i, 10f + i }).ToArray(), n, 2),
        Tensor.Arange(n));

    private static long[] TargetsOfEpoch(DataLoader loader) => loader.SelectMany(b => b.Target.ToArray<long>()).ToArray();

    [Theory]
    [InlineData(false, 4, 3, new[] { 3, 3, 3, 1 })]
    [InlineData(true, 3, 3, new[] { 3, 3, 3 })]
    public void BatchCountAndSizesFollowDropLast(bool dropLast, int expectedCount, int batchSize, int[] sizes)
    {
        var loader = new DataLoader(Numbered(), batchSize, dropLast: dropLast);
        Assert.Equal(expectedCount, loader.Count);
        Assert.Equal(sizes, loader.Select(b => b.Input.Size(0)).ToArray());
    }

    [Fact]
    public void UnshuffledBatchesCopyRowsInOrder()
    {
        var (x, y) = new DataLoader(Numbered(), 4).Skip(1).First();
        Assert.Equal([4, 2], x.Shape);
        Assert.Equal(new float[] { 4, 14, 5, 15, 6, 16, 7, 17 }, x.ToArray<float>());
        Assert.Equal(new long[] { 4, 5, 6, 7 }, y.ToArray<long>());
        Assert.Equal(DType.Int64, y.DType);
    }

    [Fact]
    public void ShuffledEpochVisitsEveryIndexOnceAndKeepsPairsTogether()
    {
        var loader = new DataLoader(Numbered(103), 8, shuffle: true, generator: new Generator(1));
        var seen = new List<long>();
        foreach (var (x, y) in loader)
        {
            var inputs = x.ToArray<float>();
            var targets = y.ToArray<long>();
            for (int k = 0; k < targets.Length; k++) Assert.Equal(targets[k], (long)inputs[2 * k]);
            seen.AddRange(targets);
        }
        Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 103).Select(i => (long)i), seen);
    }

    [Fact]
    public void SameSeedSameOrderOtherSeedOtherOrderNextEpochNewOrder()
    {
        long[] Epoch(ulong seed) => TargetsOfEpoch(new DataLoader(Numbered(50), 7, shuffle: true, generator: new Generator(seed)));
        Assert.Equal(Epoch(3), Epoch(3));
        Assert.NotEqual(Epoch(3), Epoch(4));
        var loader = new DataLoader(Numbered(50), 7, shuffle: true, generator: new Generator(3));
        Assert.NotEqual(TargetsOfEpoch(loader), TargetsOfEpoch(loader));
    }

    [Fact]
    public void TransformIsAppliedToEachInputOnly()
    {
        var loader = new DataLoader(Numbered(4), 4, transform: new Lambda(x => x * 2));
        var (x, y) = loader.Single();
        Assert.Equal(new float[] { 0, 20, 2, 22, 4, 24, 6, 26 }, x.ToArray<float>());
        Assert.Equal(new long[] { 0, 1, 2, 3 }, y.ToArray<long>());
    }

    [Fact]
    public void CustomDatasetsAreStackedItemByItem()
    {
        var (x, y) = new DataLoader(new Squares(), 3).First();
        Assert.Equal([3, 1, 2], x.Shape);
        Assert.Equal(new float[] { 0, 0, 1, 1, 4, 4 }, x.ToArray<float>());
        Assert.Equal(new double[] { 0, 1, 2 }, y.ToArray<double>());
    }

    [Fact]
    public void TensorDatasetRejectsMismatchedLengths() =>
        Assert.Throws<ArgumentException>(() => new TensorDataset(Tensor.Zeros(3, 2), Tensor.Arange(4)));

    private sealed class Squares : Dataset
    {
        public override int Count => 5;
        public override (Tensor Input, Tensor Target) this[int index] =>
            (Tensor.Full([1, 2], index * index), Tensor.Scalar(index, DType.Float64));
    }
}
