using CourseCompanion.Losses;
using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.Losses;

/// <summary>Losses against torch.nn.functional (tests/fixtures/cases/losses.py), one table line per loss.</summary>
public class LossTests
{
    private static readonly Tensor Weights = Tensor.FromArray([0.2f, 1.0f, 3.0f, 0.5f]);

    private static readonly Dictionary<string, FixtureOp> Ops = new()
    {
        ["mse"] = (x, _) => new MseLoss().Forward(x[0], x[1]),
        ["mse_sum"] = (x, _) => new MseLoss(Reduction.Sum).Forward(x[0], x[1]),
        ["l1"] = (x, _) => new L1Loss().Forward(x[0], x[1]),
        ["huber"] = (x, a) => new HuberLoss(a.Double("delta")).Forward(x[0], x[1]),
        ["cross_entropy"] = (x, _) => new CrossEntropyLoss().Forward(x[0], x[1]),
        ["cross_entropy_weighted"] = (x, _) => new CrossEntropyLoss(Weights.To(x[0].DType)).Forward(x[0], x[1]),
        ["cross_entropy_smoothing"] = (x, a) => new CrossEntropyLoss(labelSmoothing: a.Double("eps")).Forward(x[0], x[1]),
        ["cross_entropy_weighted_smoothing"] = (x, a) => new CrossEntropyLoss(Weights.To(x[0].DType), a.Double("eps")).Forward(x[0], x[1]),
        ["nll"] = (x, _) => new NllLoss().Forward(x[0], x[1]),
        ["bce"] = (x, _) => new BceLoss().Forward(x[0], x[1]),
        ["bce_with_logits"] = (x, _) => new BceWithLogitsLoss().Forward(x[0], x[1]),
        ["bce_with_logits_pos_weight"] = (x, _) => new BceWithLogitsLoss(Tensor.FromArray([1f, 2f, 0.5f]).To(x[0].DType)).Forward(x[0], x[1]),
        ["multi_margin"] = (x, _) => new MultiMarginLoss().Forward(x[0], x[1]),
        ["kl_div"] = (x, _) => new KlDivLoss().Forward(x[0], x[1]),
        ["focal_binary"] = (x, a) => new FocalLoss(a.Double("gamma"), a.Double("alpha")).Forward(x[0], x[1]),
        ["focal_multiclass"] = (x, a) => new FocalLoss(a.Double("gamma"), alpha: null).Forward(x[0], x[1]),
    };

    public static TheoryData<string> Cases => OpFixture.Names("losses");

    [Theory, MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name) => OpCheck.MatchesPyTorch("losses", name, Ops);

    [Theory, MemberData(nameof(Cases))]
    public void PassesGradientCheck(string name) => OpCheck.PassesGradientCheck("losses", name, Ops);

    [Fact]
    public void FocalLossWithGammaZeroIsCrossEntropy()
    {
        var logits = Tensor.Randn([6, 3], new Generator(1));
        var labels = Tensor.FromArray([0, 2, 1, 1, 0, 2]);
        var focal = new FocalLoss(gamma: 0, alpha: null).Forward(logits, labels).Item();
        Assert.Equal(new CrossEntropyLoss().Forward(logits, labels).Item(), focal, 6);
    }

    [Fact]
    public void ClassTargetsMustBeIndices()
    {
        var e = Assert.Throws<ArgumentException>(() => new CrossEntropyLoss().Forward(Tensor.Zeros(2, 3), Tensor.Zeros(2, 3)));
        Assert.Contains("int64 class indices", e.Message);
    }

    [Fact]
    public void RegressionLossesCheckShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new MseLoss().Forward(Tensor.Zeros(3), Tensor.Zeros(3, 1)));
        Assert.Contains("[3] and target shape [3, 1]", e.Message);
    }

    [Fact]
    public void PenaltiesFollowTheStatedConvention()
    {
        var w = Tensor.FromArray([1f, -2f]);
        Assert.Equal(0.5 * 5, CourseCompanion.Optim.Penalties.L2([w], 0.5).Item(), 6);
        Assert.Equal(0.5 * 3, CourseCompanion.Optim.Penalties.L1([w], 0.5).Item(), 6);
    }
}
