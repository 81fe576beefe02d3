using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Benchmarks;

/// <summary>
/// `gemm [sizes...]`: square float32 C = A·B, our Sgemm beside numpy (OpenBLAS) measured in the same run,
/// plus the small layer-sized product 128×784 · 784×256. Best of several runs after warm-up.
/// </summary>
internal static class GemmBenchmark
{
    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [256, 1024, 2048];
        Console.WriteLine($"GEMM float32, {Environment.ProcessorCount} threads, micro-kernel {GemmIsas.Best}; best of N runs after warm-up");
        // numpy runs before and after ours and keeps its better run, so both sides see the same machine load.
        var numpyBefore = NumpyGemm.Measure(sizes);
        var ours = sizes.ToDictionary(n => n, n => Gflops(n, n, n));
        var numpy = NumpyGemm.Better(numpyBefore, NumpyGemm.Measure(sizes));
        if (numpy is not null) Console.WriteLine($"numpy: {numpy.Blas}, {numpy.Threads?.ToString() ?? "?"} threads");

        Console.WriteLine();
        Console.WriteLine($"{"n",6} | {"ours GFLOP/s",12} | {"numpy GFLOP/s",13} | {"ours/numpy",10}");
        Console.WriteLine($"{new string('-', 6)}-+-{new string('-', 12)}-+-{new string('-', 13)}-+-{new string('-', 10)}");
        foreach (int n in sizes)
        {
            double? theirs = numpy?.Gflops.GetValueOrDefault(n);
            string theirsText = theirs is { } t ? $"{t,13:F1}" : $"{"-",13}";
            string ratio = theirs is { } r ? $"{ours[n] / r,10:P0}" : $"{"-",10}";
            Console.WriteLine($"{n,6} | {ours[n],12:F1} | {theirsText} | {ratio}");
        }
        Console.WriteLine();
        Console.WriteLine($"128x784 . 784x256: {Gflops(128, 256, 784):F1} GFLOP/s");
        if (File.Exists("/proc/loadavg"))
            Console.WriteLine($"load average (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}; numbers are only comparable on an idle machine");
        return 0;
    }

    /// <summary>GFLOP/s of C (m×n) = A (m×k) · B (k×n), best of several runs.</summary>
    private static double Gflops(int m, int n, int k)
    {
        var a = Random(m * k, 1);
        var b = Random(k * n, 2);
        var c = new float[m * n];
        double flops = 2.0 * m * n * k;
        int runs = (int)Math.Clamp(2e10 / flops, 4, 200);
        double seconds = BestOf.Seconds(() => Gemm.Sgemm(false, false, m, n, k, 1f, a, k, b, n, 0f, c, n), runs, warmups: 3);
        return flops / seconds / 1e9;
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(random.NextDouble() * 2 - 1);
        return x;
    }
}
