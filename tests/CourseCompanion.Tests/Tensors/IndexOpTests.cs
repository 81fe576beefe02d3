using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Indexing, joining, padding, one-hot and embedding against PyTorch (tests/fixtures/cases/index.py), one table line per op.</summary>
public class IndexOpTests
{
    private static readonly Dictionary<string, FixtureOp> Ops = new()
    {
        ["gather"] = (x, a) => x[0].Gather(a.Int("dim"), x[1]),
        ["gather_t"] = (x, a) => x[0].T.Gather(a.Int("dim"), x[1]),
        ["scatter_add"] = (x, a) => x[0].ScatterAdd(a.Int("dim"), x[1], x[2]),
        ["scatter_add_t"] = (x, a) => x[0].ScatterAdd(a.Int("dim"), x[1], x[2].T),
        ["scatter"] = (x, a) => x[0].Scatter(a.Int("dim"), x[1], x[2]),
        ["scatter_value"] = (x, a) => x[0].Scatter(a.Int("dim"), x[1], a.Double("value")),
        ["index_select"] = (x, a) => x[0].IndexSelect(a.Int("dim"), x[1]),
        ["index_select_t"] = (x, a) => x[0].T.IndexSelect(a.Int("dim"), x[1]),
        ["index_add"] = (x, a) => x[0].IndexAdd(a.Int("dim"), x[1], x[2]),
        ["index_add_t"] = (x, a) => x[0].T.IndexAdd(a.Int("dim"), x[1], x[2]),
        ["masked_fill"] = (x, a) => x[0].MaskedFill(x[1], a.Double("value")),
        ["masked_fill_t"] = (x, a) => x[0].T.MaskedFill(x[1], a.Double("value")),
        ["masked_select"] = (x, _) => x[0].MaskedSelect(x[1]),
        ["cat"] = (x, a) => Tensor.Cat(x, a.Int("dim")),
        ["cat_t"] = (x, a) => Tensor.Cat([x[0].T, x[1]], a.Int("dim")),
        ["cat_twice"] = (x, a) => Tensor.Cat([x[0], x[0]], a.Int("dim")),
        ["stack"] = (x, a) => Tensor.Stack(x, a.Int("dim")),
        ["split_size"] = (x, a) => Weighted(x[0].Split(a.Int("size"), a.Int("dim"))),
        ["split_size_t"] = (x, a) => Weighted(x[0].T.Split(a.Int("size"), a.Int("dim"))),
        ["split_sizes"] = (x, a) => Weighted(x[0].Split(a.Ints("sizes"), a.Int("dim"))),
        ["chunk"] = (x, a) => Weighted(x[0].Chunk(a.Int("chunks"), a.Int("dim"))),
        ["unbind"] = (x, a) => Weighted(x[0].Unbind(a.Int("dim"))),
        ["pad"] = (x, a) => x[0].Pad(a.Ints("pads"), Mode(a), a.Double("value")),
        ["pad_t"] = (x, a) => x[0].T.Pad(a.Ints("pads"), Mode(a), a.Double("value")),
        ["one_hot"] = (x, a) => Tensor.OneHot(x[0], a.Int("num_classes")),
        ["embedding"] = (x, _) => Tensor.EmbeddingLookup(x[0], x[1]),
        ["embedding_pad"] = (x, a) => Tensor.EmbeddingLookup(x[0], x[1], a.Int("padding_idx")),
        ["repeat"] = (x, a) => x[0].Repeat(a.Ints("repeats")),
        ["repeat_t"] = (x, a) => x[0].T.Repeat(a.Ints("repeats")),
        ["tile"] = (x, a) => x[0].Tile(a.Ints("dims")),
    };

    /// <summary>Joins split pieces so one output checks their number, order and contents: piece i is multiplied by i + 1 (as weighted() in index.py).</summary>
    private static Tensor Weighted(Tensor[] parts) => Tensor.Cat(parts.Select((p, i) => p.Reshape(-1) * (i + 1.0)).ToArray());

    private static PadMode Mode(FixtureArgs a) => Enum.Parse<PadMode>(a.String("mode"), ignoreCase: true);

    public static TheoryData<string> Cases => OpFixture.Names("index");

    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => OpCheck.MatchesPyTorch("index", name, Ops);

    [Theory, MemberData(nameof(Cases))]
    public void PassesGradientCheck(string name) => OpCheck.PassesGradientCheck("index", name, Ops);

    private static Tensor Ids(params long[] values) => Tensor.FromArray(values);

    [Theory]
    [InlineData("gather", "Gather: index 7 is out of range for dimension 1 of size 5")]
    [InlineData("scatter_add", "ScatterAdd: index 7 is out of range for dimension 1 of size 5")]
    [InlineData("index_select", "IndexSelect: index 7 is out of range for dimension 1 of size 5")]
    [InlineData("index_add", "IndexAdd: index 7 is out of range for dimension 1 of size 5")]
    [InlineData("negative", "IndexSelect: index -1 is out of range for dimension 1 of size 5")]
    [InlineData("embedding", "EmbeddingLookup: index 7 is out of range for dimension 0 of size 3")]
    [InlineData("one_hot", "OneHot: label 7 is out of range for 5 classes")]
    public void OutOfRangeIndexNamesOpIndexAndSize(string op, string message)
    {
        var x = Tensor.Zeros(2, 5);
        var index = Tensor.FromArray(new long[] { 0, 7 }, 2, 1);
        Action act = op switch
        {
            "gather" => () => x.Gather(1, index),
            "scatter_add" => () => x.ScatterAdd(1, index, Tensor.Ones(2, 1)),
            "index_select" => () => x.IndexSelect(1, Ids(0, 7)),
            "index_add" => () => x.IndexAdd(1, Ids(0, 7), Tensor.Ones(2, 2)),
            "negative" => () => x.IndexSelect(-1, Ids(-1)),
            "embedding" => () => Tensor.EmbeddingLookup(Tensor.Zeros(3, 4), Ids(1, 7)),
            _ => () => Tensor.OneHot(Ids(2, 7), 5),
        };
        var e = Assert.Throws<IndexOutOfRangeException>(act);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void IndicesMustBeInt64()
    {
        var e = Assert.Throws<ArgumentException>(() => Tensor.Zeros(3).IndexSelect(0, Tensor.Zeros(2)));
        Assert.Contains("IndexSelect: indices must be an int64 tensor, got float32", e.Message);
    }

    [Fact]
    public void ShapeErrorsNameTheShapes()
    {
        Assert.Contains("[2, 3]", Assert.Throws<ArgumentException>(() => Tensor.Cat([Tensor.Zeros(2, 3), Tensor.Zeros(2, 4)], 0)).Message);
        Assert.Contains("must be equal", Assert.Throws<ArgumentException>(() => Tensor.Stack([Tensor.Zeros(2), Tensor.Zeros(3)])).Message);
        Assert.Contains("add up to 5", Assert.Throws<ArgumentException>(() => Tensor.Zeros(5).Split([2, 2])).Message);
        Assert.Contains("smaller than the size", Assert.Throws<ArgumentException>(() => Tensor.Zeros(1, 3).Pad([3, 0], PadMode.Reflect)).Message);
        Assert.Contains("as many dimensions", Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Gather(0, Ids(0))).Message);
    }

    [Fact]
    public void SplitAndChunkReturnViewsOfTheExpectedSizes()
    {
        var x = Tensor.Arange(10).Float();
        Assert.Equal([4, 4, 2], x.Split(4).Select(p => p.Size(0)));
        Assert.Equal([3, 3, 3, 1], x.Chunk(4).Select(p => p.Size(0)));
        Assert.Equal(3, Tensor.Zeros(6).Chunk(5).Length); // ⌈6/5⌉ = 2 per chunk leaves only 3 pieces, as in PyTorch
        var piece = x.Split(4)[1];
        using (Autograd.NoGrad()) piece.Fill_(-1);
        Assert.Equal([0f, 1, 2, 3, -1, -1, -1, -1, 8, 9], x.ToArray<float>()); // a view: writes reach the original
    }

    [Fact]
    public void ScatterAddWithLargerSrcSendsZeroGradientToUnusedSrcElements()
    {
        var self = Tensor.Zeros(2, 3).RequiresGrad_();
        var src = Tensor.Arange(1.0, 9.0, 1.0).Reshape(2, 4).RequiresGrad_();
        var index = Tensor.FromArray(new long[] { 2, 2, 0, 1 }, 2, 2);
        var y = self.ScatterAdd(1, index, src);
        Assert.Equal([0f, 0, 3, 5, 6, 0], y.ToArray<float>()); // src[0, 0] + src[0, 1] land on [0, 2]; src[:, 2:] is unused
        y.Backward(Tensor.Arange(1.0, 7.0, 1.0).Reshape(2, 3));
        Assert.Equal([3f, 3, 0, 0, 4, 5, 0, 0], src.Grad!.ToArray<float>());
        Assert.Equal([1f, 2, 3, 4, 5, 6], self.Grad!.ToArray<float>());
    }

    [Fact]
    public void EmbeddingGradientAccumulatesIntoTheRowsUsed()
    {
        var weight = Tensor.Randn([4, 2], new Generator(1)).RequiresGrad_();
        var ids = Tensor.FromArray(new long[] { 3, 1, 3, 3 }, 2, 2);
        var e = Tensor.EmbeddingLookup(weight, ids);
        Assert.Equal([2, 2, 2], e.Shape);
        e.Sum().Backward();
        Assert.Equal([0f, 0, 1, 1, 0, 0, 3, 3], weight.Grad!.ToArray<float>());
    }

    [Fact]
    public void GatherSupportsDoubleBackward()
    {
        // L = Σ gather(x)², so ∂L/∂x_j = 2·c_j·x_j with c_j the times x_j is picked; then Σ (∂L/∂x)² has gradient 8·c_j²·x_j.
        var x = Tensor.FromArray(new double[] { 1, 2, 3 }).RequiresGrad_();
        var y = x.Gather(0, Ids(0, 2, 2, 2));
        var g = Autograd.Grad((y * y).Sum(), [x], createGraph: true)[0];
        Assert.Equal([2.0, 0, 18], g.ToArray<double>());
        (g * g).Sum().Backward();
        Assert.Equal([8.0, 0, 216], x.Grad!.ToArray<double>());
    }

    [Fact]
    public void MaskedFillWithMinusInfinityBlocksTheGradient()
    {
        var scores = Tensor.FromArray(new float[] { 1, 2, 3 }).RequiresGrad_();
        var masked = scores.MaskedFill(Tensor.FromArray(new[] { false, true, false }), double.NegativeInfinity);
        Assert.Equal([1f, float.NegativeInfinity, 3], masked.ToArray<float>());
        masked.Backward(Tensor.Ones(3));
        Assert.Equal([1f, 0, 1], scores.Grad!.ToArray<float>());
    }

    [Fact]
    public void OneHotIsInt64WithOneOnePerRow()
    {
        var h = Tensor.OneHot(Ids(2, 0, 1));
        Assert.Equal(DType.Int64, h.DType);
        Assert.Equal([3, 3], h.Shape);
        Assert.Equal([0L, 0, 1, 1, 0, 0, 0, 1, 0], h.ToArray<long>());
    }
}
