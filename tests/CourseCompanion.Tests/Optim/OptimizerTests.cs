using System.Text.Json.Nodes;
using CourseCompanion.Optim;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Optim;

/// <summary>Optimizer steps against PyTorch trajectories (tests/fixtures/cases/optim.py) and exact hand-computed first steps.</summary>
public class OptimizerTests
{
    private static readonly Dictionary<string, Func<Tensor[], Optimizer>> Optimizers = new()
    {
        ["sgd"] = p => new Sgd(p, lr: 0.1),
        ["sgd_momentum"] = p => new Sgd(p, lr: 0.1, momentum: 0.9),
        ["sgd_nesterov_wd"] = p => new Sgd(p, lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01),
        ["adagrad"] = p => new Adagrad(p, lr: 0.1),
        ["adadelta"] = p => new Adadelta(p, lr: 1.0, rho: 0.9, eps: 1e-6),
        ["rmsprop"] = p => new RmsProp(p, lr: 0.01, alpha: 0.99),
        ["rmsprop_momentum"] = p => new RmsProp(p, lr: 0.01, momentum: 0.5),
        ["adam"] = p => new Adam(p, lr: 0.01),
        ["adam_l2"] = p => new Adam(p, lr: 0.01, weightDecay: 0.1),
        ["amsgrad"] = p => new Adam(p, lr: 0.01, amsgrad: true),
        ["adamw"] = p => new AdamW(p, lr: 0.01, weightDecay: 0.1),
    };

    private static readonly JsonObject Fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "optim.json")))!.AsObject();

    public static TheoryData<string> Names => new(Optimizers.Keys);

    private static double[] Doubles(JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Theory, MemberData(nameof(Names))]
    public void FollowsPyTorchsTrajectory(string name)
    {
        var expected = Fixture["cases"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!["trajectory"]!.AsArray();
        var p = Tensor.FromArray(Doubles(Fixture["start"])).RequiresGrad_();
        var optimizer = Optimizers[name]([p]);
        var grads = Fixture["grads"]!.AsArray();
        for (int step = 0; step < grads.Count; step++)
        {
            p.Grad = Tensor.FromArray(Doubles(grads[step]));
            optimizer.Step();
            var want = Doubles(expected[step]);
            var got = p.ToArray<double>();
            for (int i = 0; i < want.Length; i++)
                Assert.True(Math.Abs(got[i] - want[i]) <= 1e-12 + 1e-10 * Math.Abs(want[i]), $"{name}, step {step + 1}, element {i}: {got[i]:R}, PyTorch {want[i]:R}");
        }
    }

    [Fact]
    public void SgdFirstStepIsExact()
    {
        var w = Tensor.FromArray([1.0, 2.0]).RequiresGrad_();
        w.Grad = Tensor.FromArray([0.5, -1.0]);
        new Sgd([w], lr: 0.1).Step();
        Assert.Equal([0.95, 2.1], w.ToArray<double>());
    }

    [Fact]
    public void AdamsFirstStepMovesEachWeightByTheLearningRate()
    {
        // with bias correction, m̂ = g and r̂ = g², so the first step is −η·g/(|g| + ε) ≈ −η·sign(g)
        var w = Tensor.FromArray([0.0, 0.0]).RequiresGrad_();
        w.Grad = Tensor.FromArray([3.0, -0.001]);
        new Adam([w], lr: 0.01, eps: 0).Step();
        Assert.Equal([-0.01, 0.01], w.ToArray<double>().Select(v => Math.Round(v, 15)));
    }

    [Fact]
    public void ParametersWithoutGradientsAreLeftAlone()
    {
        var a = Tensor.FromArray([1.0]).RequiresGrad_();
        var b = Tensor.FromArray([1.0]).RequiresGrad_();
        a.Grad = Tensor.FromArray([1.0]);
        new Sgd([a, b], lr: 0.5, momentum: 0.9).Step();
        Assert.Equal(0.5, a.Item());
        Assert.Equal(1.0, b.Item());
    }

    [Fact]
    public void AnOptimizerNeedsParameters()
    {
        var e = Assert.Throws<ArgumentException>(() => new Adam([]));
        Assert.Contains("no parameters", e.Message);
    }
}
