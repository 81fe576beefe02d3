using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tests.Kernels;

public class ConvolutionColumnsTests
{
    /// <summary>Geometries with strides, padding, dilation, non-square kernels and a 1-D signal.</summary>
    public static TheoryData<WindowGeometry> Geometries() =>
    [
        // channels, H, W, kh, kw, sh, sw, ph, pw, dh, dw
        new(1, 5, 5, 3, 3, 1, 1, 0, 0, 1, 1),
        new(2, 7, 6, 3, 2, 2, 1, 1, 0, 1, 1),
        new(3, 8, 9, 3, 3, 2, 3, 2, 1, 2, 1),
        new(2, 4, 4, 1, 1, 1, 1, 0, 0, 1, 1),
        new(2, 6, 7, 2, 3, 1, 2, 1, 2, 1, 2),
        WindowGeometry.OneDimensional(3, 20, 5, stride: 3, pad: 2, dilation: 2),
    ];

    [Theory]
    [MemberData(nameof(Geometries))]
    public void Col2ImIsTheAdjointOfIm2Col(WindowGeometry g)
    {
        var x = GemmTests.Filled<double>(g.InputSize, 1);
        var y = GemmTests.Filled<double>(g.ColumnRows * g.ColumnCount, 2);
        var columns = new double[y.Length];
        var image = new double[x.Length];

        ConvolutionColumns.Im2Col<double>(g, x, columns);
        ConvolutionColumns.Col2Im<double>(g, y, image);

        double left = columns.Zip(y, (p, q) => p * q).Sum(), right = x.Zip(image, (p, q) => p * q).Sum();
        Assert.Equal(left, right, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void ConvolutionThroughGemmMatchesTheDirectSum(WindowGeometry g)
    {
        const int batch = 2, outChannels = 4;
        int rows = g.ColumnRows, cols = g.ColumnCount;
        var x = GemmTests.Filled<float>(batch * g.InputSize, 3);
        var weights = GemmTests.Filled<float>(outChannels * rows, 4);
        var dy = GemmTests.Filled<float>(batch * outChannels * cols, 5);

        var columns = new float[batch * rows * cols];
        for (int n = 0; n < batch; n++)
            ConvolutionColumns.Im2Col<float>(g, x.AsSpan(n * g.InputSize, g.InputSize), columns.AsSpan(n * rows * cols, rows * cols));
        var y = new float[batch * outChannels * cols];
        Gemm.SgemmBatched(false, false, outChannels, cols, rows, 1f, weights, rows, 0, columns, cols, rows * cols, 0f, y, cols, outChannels * cols, batch);

        var dColumns = new float[columns.Length];
        Gemm.SgemmBatched(true, false, rows, cols, outChannels, 1f, weights, rows, 0, dy, cols, outChannels * cols, 0f, dColumns, cols, rows * cols, batch);
        var dx = new float[x.Length];
        for (int n = 0; n < batch; n++)
            ConvolutionColumns.Col2Im<float>(g, dColumns.AsSpan(n * rows * cols, rows * cols), dx.AsSpan(n * g.InputSize, g.InputSize));

        var dWeights = new float[weights.Length];
        for (int n = 0; n < batch; n++)
            Gemm.Sgemm(false, true, outChannels, rows, cols, 1f, dy.AsSpan(n * outChannels * cols), cols,
                columns.AsSpan(n * rows * cols), cols, 1f, dWeights, rows);

        var (yRef, dxRef, dwRef) = DirectConvolution(g, batch, outChannels, x, weights, dy);
        AssertClose(yRef, y);
        AssertClose(dxRef, dx);
        AssertClose(dwRef, dWeights);
    }

    [Fact]
    public void OneDimensionalGeometryIsAHeightOneImage()
    {
        var g = WindowGeometry.OneDimensional(channels: 2, length: 11, kernel: 3, stride: 2, pad: 1, dilation: 2);
        Assert.Equal(new WindowGeometry(2, 1, 11, 1, 3, 1, 2, 0, 1, 1, 2), g);
        Assert.Equal(1, g.OutHeight);
        Assert.Equal(5, g.OutWidth);
    }

    [Fact]
    public void AKernelLargerThanThePaddedInputIsRejected()
    {
        var g = new WindowGeometry(1, 3, 3, 5, 5);
        Assert.Throws<ArgumentException>(() => ConvolutionColumns.Im2Col<float>(g, new float[9], new float[100]));
    }

    /// <summary>y = w ⋆ x, dx = ∂⟨y, dy⟩/∂x and dw = ∂⟨y, dy⟩/∂w by the textbook sums, in float64.</summary>
    private static (double[] Y, double[] Dx, double[] Dw) DirectConvolution(WindowGeometry g, int batch, int outChannels, float[] x, float[] w, float[] dy)
    {
        int outH = g.OutHeight, outW = g.OutWidth;
        var y = new double[batch * outChannels * outH * outW];
        var dx = new double[x.Length];
        var dw = new double[w.Length];
        for (int n = 0; n < batch; n++)
            for (int co = 0; co < outChannels; co++)
                for (int oh = 0; oh < outH; oh++)
                    for (int ow = 0; ow < outW; ow++)
                    {
                        int o = ((n * outChannels + co) * outH + oh) * outW + ow;
                        for (int c = 0; c < g.Channels; c++)
                            for (int ki = 0; ki < g.KernelHeight; ki++)
                                for (int kj = 0; kj < g.KernelWidth; kj++)
                                {
                                    int ih = oh * g.StrideHeight - g.PadHeight + ki * g.DilationHeight;
                                    int iw = ow * g.StrideWidth - g.PadWidth + kj * g.DilationWidth;
                                    if (ih < 0 || ih >= g.Height || iw < 0 || iw >= g.Width) continue;
                                    int i = ((n * g.Channels + c) * g.Height + ih) * g.Width + iw;
                                    int k = ((co * g.Channels + c) * g.KernelHeight + ki) * g.KernelWidth + kj;
                                    y[o] += (double)w[k] * x[i];
                                    dx[i] += (double)w[k] * dy[o];
                                    dw[k] += (double)x[i] * dy[o];
                                }
                    }
        return (y, dx, dw);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * (1 + Math.Abs(expected[i])), $"[{i}] {actual[i]} vs {expected[i]}");
    }
}
