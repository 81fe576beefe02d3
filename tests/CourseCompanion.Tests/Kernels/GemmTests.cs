using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tests.Kernels;

public class GemmTests
{
    /// <summary>Names of the micro-kernels this CPU runs (the enum is internal, so theories take its name).</summary>
    public static TheoryData<string> IsaNames() => new(SupportedIsas().Select(isa => isa.ToString()));

    private static IEnumerable<GemmIsa> SupportedIsas() => Enum.GetValues<GemmIsa>().Where(GemmIsas.IsSupported);

    /// <summary>Shapes around every block edge: 1, the tile sizes MR=6 / NR=8,16,32 ± 1, k across one KC block boundary, m across MC.</summary>
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (1, 17, 5), (7, 1, 3), (5, 9, 1), (6, 16, 8), (13, 33, 17), (2, 40, 300),
        (150, 3, 31), (37, 70, 257), (145, 47, 520),
    ];

    [Theory]
    [MemberData(nameof(IsaNames))]
    public void SgemmMatchesNaiveProductForAllShapesAndTransposes(string isa)
    {
        var config = new GemmConfig(Enum.Parse<GemmIsa>(isa), 2);
        foreach (var (m, n, k) in Shapes)
            foreach (bool transA in new[] { false, true })
                foreach (bool transB in new[] { false, true })
                    CheckAgainstNaive<float>(config, transA, transB, m, n, k, alpha: 1, beta: 0, padding: 0, tolerance: 1e-5);
    }

    [Theory]
    [MemberData(nameof(IsaNames))]
    public void DgemmMatchesNaiveProductForAllShapesAndTransposes(string isa)
    {
        var config = new GemmConfig(Enum.Parse<GemmIsa>(isa), 2);
        foreach (var (m, n, k) in Shapes)
            foreach (bool transA in new[] { false, true })
                foreach (bool transB in new[] { false, true })
                    CheckAgainstNaive<double>(config, transA, transB, m, n, k, alpha: 1, beta: 0, padding: 0, tolerance: 1e-13);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(-2.0, 1.0)]
    [InlineData(1.5, -0.75)]
    [InlineData(0.0, 2.0)]
    public void AlphaBetaAndLeadingDimensionsBeyondTheWidthAreHonoured(double alpha, double beta)
    {
        foreach (var isa in SupportedIsas())
            foreach (bool transA in new[] { false, true })
                foreach (bool transB in new[] { false, true })
                {
                    var config = new GemmConfig(isa, 2);
                    CheckAgainstNaive<float>(config, transA, transB, 29, 35, 270, (float)alpha, (float)beta, padding: 5, tolerance: 1e-5);
                    CheckAgainstNaive<double>(config, transA, transB, 31, 19, 13, alpha, beta, padding: 3, tolerance: 1e-13);
                }
    }

    [Fact]
    public void ZeroBetaIgnoresWhateverCHeld()
    {
        var a = Filled<float>(4 * 3, 1);
        var b = Filled<float>(3 * 5, 2);
        var c = Enumerable.Repeat(float.NaN, 4 * 5).ToArray();
        Gemm.Sgemm(false, false, 4, 5, 3, 1f, a, 3, b, 5, 0f, c, 5);
        Assert.All(c, x => Assert.True(float.IsFinite(x)));

        Gemm.Sgemm(false, false, 4, 5, 0, 1f, a, 3, b, 5, 0f, c, 5);
        Assert.All(c, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void ResultBitsDoNotDependOnTheThreadCount()
    {
        foreach (var (m, n, k) in new[] { (301, 317, 611), (64, 700, 300), (1000, 20, 129), (1030, 1030, 40) })
            foreach (bool transA in new[] { false, true })
            {
                var a = Filled<float>(m * k, 3);
                var b = Filled<float>(k * n, 4);
                var c0 = Filled<float>(m * n, 5);
                float[] Product(int threads)
                {
                    var c = c0.ToArray();
                    Gemm.Run<float>(new GemmConfig(GemmIsas.Best, threads), transA, false, m, n, k, 0.7f,
                        a, transA ? m : k, 0, b, n, 0, 0.3f, c, n, 0, 1);
                    return c;
                }
                var single = Product(1);
                foreach (int threads in new[] { 2, 3, 4, 7 })
                    AssertSameBits(single, Product(threads));
            }
    }

    [Fact]
    public void BatchedMatchesOneProductPerItemAndSharesAZeroStrideOperand()
    {
        const int batch = 9, m = 20, n = 24, k = 30;
        var a = Filled<float>(batch * m * k, 6);
        var shared = Filled<float>(k * n, 7);
        var c = new float[batch * m * n];
        Gemm.SgemmBatched(false, false, m, n, k, 1f, a, k, m * k, shared, n, 0, 0f, c, n, m * n, batch);
        for (int i = 0; i < batch; i++)
        {
            var expected = new float[m * n];
            Gemm.Sgemm(false, false, m, n, k, 1f, a.AsSpan(i * m * k, m * k), k, shared, n, 0f, expected, n);
            Assert.Equal(expected, c.AsSpan(i * m * n, m * n).ToArray());
        }
    }

    [Fact]
    public void BatchedResultBitsDoNotDependOnTheThreadCount()
    {
        const int batch = 40, m = 33, n = 50, k = 70;
        var a = Filled<double>(batch * m * k, 8);
        var b = Filled<double>(batch * k * n, 9);
        double[] Product(int threads)
        {
            var c = new double[batch * m * n];
            Gemm.Run<double>(new GemmConfig(GemmIsas.Best, threads), false, true, m, n, k, 1.0,
                a, k, m * k, b, k, k * n, 0.0, c, n, m * n, batch);
            return c;
        }
        AssertSameBits(Product(1), Product(3));
    }

    [Fact]
    public void SmallProductsAllocateNothingOnceWarm()
    {
        var a = Filled<float>(20 * 30, 1);
        var b = Filled<float>(30 * 40, 2);
        var c = new float[20 * 40];
        Gemm.Sgemm(false, true, 20, 40, 30, 1f, a, 30, b, 30, 0f, c, 40);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Gemm.Sgemm(false, true, 20, 40, 30, 1f, a, 30, b, 30, 0f, c, 40);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TooShortOperandsAndSmallLeadingDimensionsAreRejected()
    {
        var six = new float[6];
        var c = new float[9];
        // A is 3×3 but holds 6 elements.
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 3, 2, 3, 1f, six, 3, six, 2, 0f, c, 2));
        // lda = 2 is narrower than A's 3 stored columns.
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, six, 2, six, 2, 0f, c, 2));
        // C is 2×3 with ldc = 4: needs 7 elements, the transposed B (3×2 stored) fits.
        Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, true, 2, 3, 2, 1f, six, 2, six, 2, 0f, c.AsSpan(0, 6), 4));
    }

    private static void CheckAgainstNaive<T>(GemmConfig config, bool transA, bool transB, int m, int n, int k,
        T alpha, T beta, int padding, double tolerance) where T : unmanaged, System.Numerics.IFloatingPoint<T>
    {
        int lda = (transA ? m : k) + padding, ldb = (transB ? k : n) + padding, ldc = n + padding;
        var a = Filled<T>((transA ? k : m) * lda, m + 7 * n + 31 * k);
        var b = Filled<T>((transB ? n : k) * ldb, m + 5 * k);
        var c = Filled<T>(m * ldc, n);
        var (expected, magnitude) = NaiveGemm.Run(transA, transB, m, n, k, double.CreateChecked(alpha),
            ToDouble(a), lda, ToDouble(b), ldb, double.CreateChecked(beta), ToDouble(c), ldc);

        Gemm.Run<T>(config, transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0, 1);

        for (int i = 0; i < c.Length; i++)
        {
            double actual = double.CreateChecked(c[i]);
            double bound = tolerance * (magnitude[i] + 1e-30) * Math.Max(1, Math.Sqrt(k));
            Assert.True(Math.Abs(actual - expected[i]) <= bound,
                $"{config.Isa} transA={transA} transB={transB} {m}x{n}x{k} alpha={alpha} beta={beta}: " +
                $"C[{i / ldc},{i % ldc}] = {actual}, expected {expected[i]}");
        }
    }

    private static void AssertSameBits<T>(T[] expected, T[] actual) where T : unmanaged
    {
        var e = System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.AsSpan());
        var a = System.Runtime.InteropServices.MemoryMarshal.AsBytes(actual.AsSpan());
        Assert.True(e.SequenceEqual(a), "results differ in at least one bit");
    }

    private static double[] ToDouble<T>(T[] x) where T : System.Numerics.INumberBase<T> =>
        x.Select(double.CreateChecked).ToArray();

    /// <summary>Reproducible values in [-1, 1).</summary>
    internal static T[] Filled<T>(int length, int seed) where T : System.Numerics.INumberBase<T>
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => T.CreateChecked(random.NextDouble() * 2 - 1)).ToArray();
    }
}
