using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>Registration, naming, modes, state dicts and the summary table of modules.</summary>
public class ModuleTests
{
    private sealed class TwoLayer : Module
    {
        public readonly Linear Hidden, Output;
        public TwoLayer()
        {
            Hidden = RegisterModule("hidden", new Linear(4, 3, generator: new Generator(1)));
            Output = RegisterModule("output", new Linear(3, 2, bias: false, generator: new Generator(2)));
            RegisterBuffer("steps", Tensor.Zeros([1], DType.Int64));
        }
        public override Tensor Forward(Tensor x) => Output.Forward(Hidden.Forward(x));
    }

    [Fact]
    public void ParametersAreNamedWithDotsInRegistrationOrder()
    {
        var m = new TwoLayer();
        Assert.Equal(["hidden.weight", "hidden.bias", "output.weight"], m.NamedParameters().Select(p => p.Name));
        Assert.Equal(4 * 3 + 3 + 3 * 2, m.ParameterCount);
        Assert.All(m.Parameters(), p => Assert.True(p.RequiresGrad));
        Assert.Equal(["steps"], m.NamedBuffers().Select(b => b.Name));
    }

    private sealed class DuplicateRegistration : Module
    {
        public DuplicateRegistration()
        {
            RegisterModule("a", new Linear(1, 1));
            RegisterParameter("a", Tensor.Zeros(1));
        }
    }

    [Fact]
    public void DuplicateNamesAreRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new DuplicateRegistration());
        Assert.Contains("'a' is already registered", e.Message);
    }

    [Fact]
    public void LinearComputesXWTransposePlusB()
    {
        var layer = new Linear(2, 1);
        using (Autograd.NoGrad())
        {
            layer.Weight.Copy_(Tensor.FromArray([2f, -1f], 1, 2));
            layer.Bias!.Copy_(Tensor.FromArray([0.5f]));
        }
        var y = layer.Forward(Tensor.FromArray([3f, 4f, 1f, 1f], 2, 2));
        Assert.Equal([2.5f, 1.5f], y.ToArray<float>());
    }

    [Fact]
    public void LinearInitialisationIsSeededAndBounded()
    {
        var a = new Linear(100, 10, generator: new Generator(7)).Weight.ToArray<float>();
        var b = new Linear(100, 10, generator: new Generator(7)).Weight.ToArray<float>();
        Assert.Equal(a, b);
        Assert.All(a, w => Assert.InRange(w, -0.1f, 0.1f));
    }

    [Fact]
    public void TrainAndEvalReachEveryDescendant()
    {
        var m = new Sequential(new Linear(2, 2), new Sequential(new Linear(2, 2)));
        m.Eval();
        Assert.All(m.NamedModules(), x => Assert.False(x.Module.Training));
        m.Train();
        Assert.All(m.NamedModules(), x => Assert.True(x.Module.Training));
    }

    [Fact]
    public void ZeroGradClearsEveryGradient()
    {
        var m = new TwoLayer();
        m.Forward(Tensor.Ones(5, 4)).Sum().Backward();
        Assert.All(m.Parameters(), p => Assert.NotNull(p.Grad));
        m.ZeroGrad();
        Assert.All(m.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void SaveAndLoadRoundTripThroughSafeTensors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-{Guid.NewGuid():N}.safetensors");
        try
        {
            var source = new TwoLayer();
            source.Save(path);
            var target = new Sequential(new Linear(4, 3, generator: new Generator(9)));
            var fresh = new TwoLayer();
            using (Autograd.NoGrad()) foreach (var p in fresh.Parameters()) p.Fill_(0);
            fresh.Load(path);
            foreach (var ((_, a), (_, b)) in source.NamedParameters().Zip(fresh.NamedParameters()))
                Assert.Equal(a.ToArray<float>(), b.ToArray<float>());
            var e = Assert.Throws<ArgumentException>(() => target.Load(path));
            Assert.Contains("missing [0.weight, 0.bias]", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ToStringAndSummaryDescribeTheModel()
    {
        var m = new Sequential(new Flatten(), new Linear(784, 10));
        Assert.Equal("Sequential(\n  (0): Flatten(start_dim=1, end_dim=-1)\n  (1): Linear(in_features=784, out_features=10, bias=True)\n)", m.ToString());
        var summary = m.Summary(2, 1, 28, 28);
        Assert.Contains("1: Linear", summary);
        Assert.Contains("[2, 10]", summary);
        Assert.EndsWith("Total parameters: 7,850", summary);
    }
}
