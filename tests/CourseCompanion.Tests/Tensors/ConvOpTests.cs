using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.Tensors;

/// <summary>Convolution, pooling, interpolation and unfold/fold against PyTorch (tests/fixtures/cases/conv.py), one table line per op.</summary>
public class ConvOpTests
{
    private static readonly Dictionary<string, FixtureOp> Ops = new()
    {
        ["conv2d"] = (x, a) => x[0].Conv2d(x[1], x.ElementAtOrDefault(2), P(a, "stride", 1), P(a, "padding", 0), P(a, "dilation", 1), I(a, "groups", 1)),
        ["conv2d_t"] = (x, _) => x[0].Transpose(2, 3).Conv2d(x[1], x[2]),
        ["conv1d"] = (x, a) => x[0].Conv1d(x[1], x.ElementAtOrDefault(2), I(a, "stride", 1), I(a, "padding", 0), I(a, "dilation", 1), I(a, "groups", 1)),
        ["conv_t2d"] = (x, a) => x[0].ConvTranspose2d(x[1], x.ElementAtOrDefault(2), P(a, "stride", 1), P(a, "padding", 0), P(a, "output_padding", 0), I(a, "groups", 1), P(a, "dilation", 1)),
        ["max_pool2d"] = (x, a) => x[0].MaxPool2d(P(a, "kernel", 0), P(a, "stride", 0), P(a, "padding", 0), P(a, "dilation", 1)),
        ["max_pool2d_indices"] = (x, a) => x[0].MaxPool2dWithIndices(P(a, "kernel", 0), P(a, "stride", 0), P(a, "padding", 0), P(a, "dilation", 1)).Indices,
        ["max_pool1d"] = (x, a) => x[0].MaxPool1d(a.Int("kernel"), a.Int("stride"), I(a, "padding", 0), I(a, "dilation", 1)),
        ["avg_pool2d"] = (x, a) => x[0].AvgPool2d(P(a, "kernel", 0), P(a, "stride", 0), P(a, "padding", 0), !a.Has("count_include_pad") || a.Bool("count_include_pad")),
        ["adaptive_avg"] = (x, a) => x[0].AdaptiveAvgPool2d(P(a, "size", 0)),
        ["interp"] = (x, a) => x[0].Interpolate(a.Has("size") ? P(a, "size", 0) : null, a.OptionalDouble("scale"),
            a.String("mode") == "nearest" ? InterpolationMode.Nearest : InterpolationMode.Bilinear, a.Has("align_corners") ? a.Bool("align_corners") : null),
        ["unfold"] = (x, a) => x[0].Unfold(P(a, "kernel", 0), P(a, "dilation", 1), P(a, "padding", 0), P(a, "stride", 1)),
        ["fold"] = (x, a) => x[0].Fold(P(a, "size", 0), P(a, "kernel", 0), P(a, "dilation", 1), P(a, "padding", 0), P(a, "stride", 1)),
    };

    /// <summary>A (height, width) argument given in the case as [h, w], or the default.</summary>
    private static Pair P(FixtureArgs a, string name, int fallback) => a.Has(name) ? (a.Ints(name)[0], a.Ints(name)[1]) : fallback;

    private static int I(FixtureArgs a, string name, int fallback) => a.OptionalInt(name) ?? fallback;

    public static TheoryData<string> Cases => OpFixture.Names("conv");

    // float32 sums over whole receptive fields: absolute tolerance 1e-5 (values are O(1)–O(10))
    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => OpCheck.MatchesPyTorch("conv", name, Ops, rtol: 1e-5, atol: 1e-5);

    [Theory, MemberData(nameof(Cases))]
    public void PassesGradientCheck(string name) => OpCheck.PassesGradientCheck("conv", name, Ops);
}
