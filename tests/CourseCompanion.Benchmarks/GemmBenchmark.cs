using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Benchmarks;

/// <summary>Square float32 GEMM: our Sgemm beside numpy (OpenBLAS) measured in the same run.</summary>
internal static class GemmBenchmark
{
    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [256, 1024, 2048];
        foreach (int n in sizes)
        {
            var a = Random(n * n, 1);
            var b = Random(n * n, 2);
            var c = new float[n * n];
            int runs = n <= 256 ? 50 : n <= 1024 ? 10 : 4;
            double s = BestOf.Seconds(() => Gemm.Sgemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n), runs);
            Console.WriteLine($"{n,6} {2.0 * n * n * n / s / 1e9,8:F1} GFLOP/s");
        }
        return 0;
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        return x;
    }
}
