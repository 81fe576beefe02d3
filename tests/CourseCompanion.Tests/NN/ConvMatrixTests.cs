using CourseCompanion.NN;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.NN;

/// <summary>Convolution as a matrix: W·vec(x) is the forward pass and Wᵀ·vec(e) the backward pass of Tensor.Conv2d.</summary>
public class ConvMatrixTests
{
    [Theory]
    [InlineData(1, 1, 5, 5, 3, 1, 0, 1)]
    [InlineData(2, 3, 7, 6, 3, 2, 1, 1)]
    [InlineData(3, 2, 8, 8, 3, 1, 2, 2)]
    public void MatrixProductIsTheConvolutionAndItsTransposeTheBackwardPass(int cin, int cout, int h, int w, int k, int stride, int padding, int dilation)
    {
        var g = new Generator(7);
        var x = Tensor.Randn([1, cin, h, w], g).Double().RequiresGrad_();
        var kernel = Tensor.Randn([cout, cin, k, k], g).Double();
        var y = x.Conv2d(kernel, stride: stride, padding: padding, dilation: dilation);
        var m = ConvMatrix.Build(kernel, h, w, stride, padding, dilation);
        Assert.Equal(new[] { y.NumEl, x.NumEl }, m.Shape);
        AssertClose(y.Reshape(-1), m.MatMul(x.Detach().Reshape(-1)));

        var e = Tensor.RandnLike(y, g);
        y.Backward(e);
        AssertClose(x.Grad!.Reshape(-1), m.T.MatMul(e.Reshape(-1)));
    }

    [Fact]
    public void ASingleKernelGivesABandedToeplitzMatrix()
    {
        var m = ConvMatrix.Build(Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } }), 3, 3);
        Assert.Equal(new[] { 4, 9 }, m.Shape);
        Assert.Equal(new double[] { 1, 2, 0, 3, 4, 0, 0, 0, 0 }, m[0].ToArray<double>());
        Assert.Equal(new double[] { 0, 0, 0, 0, 1, 2, 0, 3, 4 }, m[3].ToArray<double>());
    }

    private static void AssertClose(Tensor expected, Tensor actual)
    {
        var (a, b) = (expected.ToArray<double>(), actual.ToArray<double>());
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) < 1e-12, $"entry {i}: {a[i]} vs {b[i]}");
    }
}
