using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tests.Kernels;

public class PoolingTests
{
    public static TheoryData<WindowGeometry> Geometries() =>
    [
        // planes, H, W, kh, kw, sh, sw, ph, pw
        new(3, 6, 6, 2, 2, 2, 2, 0, 0),
        new(2, 7, 5, 3, 3, 2, 2, 1, 1),
        new(2, 5, 8, 3, 2, 1, 3, 1, 0),
        WindowGeometry.OneDimensional(4, 13, 4, stride: 3, pad: 2),
    ];

    [Theory]
    [MemberData(nameof(Geometries))]
    public void MaxPoolMatchesAPaddedImageWithMinusInfinity(WindowGeometry g)
    {
        var x = GemmTests.Filled<double>(g.InputSize, 1);
        int outputs = g.Channels * g.OutHeight * g.OutWidth;
        var y = new double[outputs];
        var argmax = new int[outputs];
        var dy = GemmTests.Filled<double>(outputs, 2);
        var dx = new double[x.Length];

        MaxPool.Forward<double>(g, x, y, argmax);
        MaxPool.Backward<double>(g, dy, argmax, dx);

        var (yRef, dxRef) = NaivePool(g, x, dy, double.NegativeInfinity, windowValues => windowValues.Max(), isMax: true);
        Assert.Equal(yRef, y);
        Assert.Equal(dxRef, dx);
    }

    [Theory]
    [MemberData(nameof(Geometries))]
    public void AvgPoolMatchesAPaddedImageWithZeros(WindowGeometry g)
    {
        var x = GemmTests.Filled<double>(g.InputSize, 3);
        int outputs = g.Channels * g.OutHeight * g.OutWidth;
        var dy = GemmTests.Filled<double>(outputs, 4);
        foreach (bool countIncludePad in new[] { true, false })
        {
            var y = new double[outputs];
            var dx = new double[x.Length];
            AvgPool.Forward<double>(g, x, y, countIncludePad);
            AvgPool.Backward<double>(g, dy, dx, countIncludePad);

            var (yRef, dxRef) = NaivePool(g, x, dy, double.NaN,
                window => window.Where(v => !double.IsNaN(v) || countIncludePad).Select(v => double.IsNaN(v) ? 0 : v).Average(),
                isMax: false, countIncludePad);
            for (int i = 0; i < outputs; i++) Assert.Equal(yRef[i], y[i], 1e-12);
            for (int i = 0; i < x.Length; i++) Assert.Equal(dxRef[i], dx[i], 1e-12);
        }
    }

    [Fact]
    public void MaxPoolKeepsTheFirstOfEqualMaximaAndRejectsTooMuchPadding()
    {
        var g = new WindowGeometry(1, 2, 2, 2, 2, 2, 2);
        var y = new float[1];
        var argmax = new int[1];
        MaxPool.Forward<float>(g, new float[] { 1, 3, 3, 0 }, y, argmax);
        Assert.Equal(3f, y[0]);
        Assert.Equal(1, argmax[0]);

        var padded = new WindowGeometry(1, 4, 4, 2, 2, 1, 1, 2, 2);
        Assert.Throws<ArgumentException>(() => MaxPool.Forward<float>(padded, new float[16], new float[100], new int[100]));
    }

    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(3, 5, 7)]
    [InlineData(2, 4, 16)]
    [InlineData(2, 6, 18)]
    [InlineData(4, 9, 33)]
    [InlineData(64, 8, 64)] // enough work for the planes to run in parallel
    public void Float32TwoByTwoPathMatchesTheGeneralLoopWithTiesAndNaN(int planes, int height, int width)
    {
        // float32 2×2/stride 2 takes MaxPool2x2 (eight windows at a time, then a scalar tail); float64 takes the general loop
        var g = new WindowGeometry(planes, height, width, 2, 2, 2, 2);
        var random = new Random(planes * 1000 + height * 100 + width);
        var x = Enumerable.Range(0, g.InputSize)
            .Select(_ => random.Next(12) switch { 0 => double.NaN, 1 => -0.0, 2 => double.NegativeInfinity, 3 => double.PositiveInfinity, int v => v % 3 })
            .ToArray();
        int outputs = g.Channels * g.OutHeight * g.OutWidth;
        var (pairs, pairsArgmax) = (new float[outputs], new int[outputs]);
        var (general, generalArgmax) = (new double[outputs], new int[outputs]);

        MaxPool.Forward<float>(g, x.Select(v => (float)v).ToArray(), pairs, pairsArgmax);
        MaxPool.Forward<double>(g, x, general, generalArgmax);

        Assert.Equal(generalArgmax, pairsArgmax);
        Assert.Equal(general, pairs.Select(v => (double)v));
    }

    public static TheoryData<double[], double, int> TieAndNaNWindows => new()
    {
        { [1, 3, 3, 0], 3, 1 },                    // equal maxima: the first
        { [-0.0, 0.0, 0.0, -0.0], -0.0, 0 },       // −0 and +0 tie
        { [1, double.NaN, double.NaN, 2], double.NaN, 2 }, // NaN propagates; the last NaN is the argmax, as PyTorch's CPU kernel
        { [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity], double.NegativeInfinity, 0 },
    };

    [Theory]
    [MemberData(nameof(TieAndNaNWindows))]
    public void MaxPoolPicksTiesAndNaNsAsPyTorch(double[] window, double expected, int expectedArgmax)
    {
        var g = new WindowGeometry(1, 2, 2, 2, 2, 2, 2);
        var (y32, y64, argmax32, argmax64) = (new float[1], new double[1], new int[1], new int[1]);
        MaxPool.Forward<float>(g, window.Select(v => (float)v).ToArray(), y32, argmax32);
        MaxPool.Forward<double>(g, window, y64, argmax64);
        Assert.Equal((expected, expectedArgmax), (y64[0], argmax64[0]));
        Assert.Equal(((float)expected, expectedArgmax), (y32[0], argmax32[0]));
        Assert.Equal(double.IsNegative(expected), double.IsNegative(y64[0]));
    }

    /// <summary>
    /// Pools a copy of x padded with <paramref name="fill"/> by listing every window, and routes dy back:
    /// to the first maximum (max) or evenly over the window's real pixels with the pool's divisor (average).
    /// </summary>
    private static (double[] Y, double[] Dx) NaivePool(WindowGeometry g, double[] x, double[] dy, double fill,
        Func<List<double>, double> pool, bool isMax, bool countIncludePad = true)
    {
        int outH = g.OutHeight, outW = g.OutWidth;
        var y = new double[g.Channels * outH * outW];
        var dx = new double[x.Length];
        for (int c = 0; c < g.Channels; c++)
            for (int oh = 0; oh < outH; oh++)
                for (int ow = 0; ow < outW; ow++)
                {
                    var window = new List<double>();
                    var sources = new List<int>();
                    for (int ki = 0; ki < g.KernelHeight; ki++)
                        for (int kj = 0; kj < g.KernelWidth; kj++)
                        {
                            int i = oh * g.StrideHeight + ki - g.PadHeight, j = ow * g.StrideWidth + kj - g.PadWidth;
                            bool inside = i >= 0 && i < g.Height && j >= 0 && j < g.Width;
                            window.Add(inside ? x[(c * g.Height + i) * g.Width + j] : fill);
                            sources.Add(inside ? (c * g.Height + i) * g.Width + j : -1);
                        }
                    int o = (c * outH + oh) * outW + ow;
                    y[o] = pool(window);
                    if (isMax)
                        dx[sources[window.IndexOf(y[o])]] += dy[o];
                    else
                    {
                        int real = sources.Count(s => s >= 0);
                        foreach (int s in sources.Where(s => s >= 0))
                            dx[s] += dy[o] / (countIncludePad ? g.KernelHeight * g.KernelWidth : real);
                    }
                }
        return (y, dx);
    }
}
