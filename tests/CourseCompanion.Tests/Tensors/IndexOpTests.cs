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
}
