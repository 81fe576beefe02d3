using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>Initialisers: fans as PyTorch computes them, variances, orthogonality, seeding.</summary>
public class InitTests
{
    [Fact]
    public void FansFollowPyTorchForConvolutionWeights()
    {
        Assert.Equal((3 * 5 * 5, 16 * 5 * 5), Init.Fans(Tensor.Zeros(16, 3, 5, 5)));
        Assert.Equal((784, 256), Init.Fans(Tensor.Zeros(256, 784)));
    }

    [Theory]
    [InlineData("xavier_uniform", 2.0 / (400 + 300))]
    [InlineData("xavier_normal", 2.0 / (400 + 300))]
    [InlineData("kaiming_uniform", 2.0 / 400)]
    [InlineData("kaiming_normal", 2.0 / 400)]
    public void VarianceMatchesTheFormula(string kind, double variance)
    {
        var w = Tensor.Zeros(300, 400);
        var g = new Generator(3);
        _ = kind switch
        {
            "xavier_uniform" => Init.XavierUniform(w, generator: g),
            "xavier_normal" => Init.XavierNormal(w, generator: g),
            "kaiming_uniform" => Init.KaimingUniform(w, generator: g),
            _ => Init.KaimingNormal(w, generator: g),
        };
        var v = w.ToArray<float>().Select(x => (double)x).ToArray();
        double mean = v.Average(), var = v.Select(x => (x - mean) * (x - mean)).Average();
        Assert.InRange(mean, -0.01 * Math.Sqrt(variance) * 10, 0.01 * Math.Sqrt(variance) * 10);
        Assert.InRange(var / variance, 0.97, 1.03); // 120,000 samples: a few per cent at most
    }

    [Theory]
    [InlineData(4, 7)]
    [InlineData(7, 4)]
    public void OrthogonalRowsOrColumnsAreOrthonormal(int rows, int cols)
    {
        var q = Init.Orthogonal(Tensor.Zeros([rows, cols], DType.Float64), generator: new Generator(5));
        var gram = rows <= cols ? q.MatMul(q.T) : q.T.MatMul(q);
        int n = Math.Min(rows, cols);
        var eye = Tensor.Eye(n, dtype: DType.Float64).ToArray<double>();
        var g = gram.ToArray<double>();
        for (int i = 0; i < g.Length; i++) Assert.Equal(eye[i], g[i], 10);
    }

    [Fact]
    public void InitialisersWriteInPlaceWithoutRecordingAGraph()
    {
        var w = Tensor.Zeros(2, 2).RequiresGrad_();
        var same = Init.Constant(w, 3);
        Assert.Same(w, same);
        Assert.True(w.IsLeaf);
        Assert.Equal(12.0, w.Sum().Item());
    }
}
