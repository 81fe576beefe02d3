using System.Numerics;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Runs a strided batch of GEMMs: small items are spread over threads one whole item each,
/// large items run one after another, each using all threads. Either way each item is
/// computed by the same loop nest, so results do not depend on the thread count.
/// </summary>
internal static unsafe class GemmBatch
{
    public static void Run<T>(GemmConfig config, bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, int lda, long strideA, T* b, int ldb, long strideB, T beta, T* c, int ldc, long strideC, int batchCount)
        where T : unmanaged, INumber<T>
    {
        bool itemsInParallel = batchCount > 1 && config.Threads > 1 && 2.0 * m * n * k < GemmDriver.ParallelFlops
            && 2.0 * m * n * k * batchCount >= GemmDriver.ParallelFlops;
        if (!itemsInParallel)
        {
            for (int i = 0; i < batchCount; i++)
                GemmDriver.Run(config, transA, transB, m, n, k, alpha, a + i * strideA, lda, b + i * strideB, ldb, beta, c + i * strideC, ldc);
            return;
        }
        RunItemsInParallel(config, transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batchCount);
    }

    /// <summary>One contiguous range of items per thread, each item single-threaded (a separate method so the sequential path allocates no closure).</summary>
    private static void RunItemsInParallel<T>(GemmConfig config, bool transA, bool transB, int m, int n, int k, T alpha,
        T* a, int lda, long strideA, T* b, int ldb, long strideB, T beta, T* c, int ldc, long strideC, int batchCount)
        where T : unmanaged, INumber<T>
    {
        int threads = Math.Min(config.Threads, batchCount);
        var single = config with { Threads = 1 };
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        Team.For(threads, t =>
        {
            for (int i = t * batchCount / threads; i < (t + 1) * batchCount / threads; i++)
                GemmDriver.Run(single, transA, transB, m, n, k, alpha,
                    (T*)pa + i * strideA, lda, (T*)pb + i * strideB, ldb, beta, (T*)pc + i * strideC, ldc);
        });
    }
}
