using System.Numerics;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// General matrix multiply on row-major storage: C = alpha·op(A)·op(B) + beta·C,
/// where op(X) is X or Xᵀ, op(A) is m×k, op(B) is k×n and C is m×n.
/// A leading dimension is the distance between consecutive stored rows (≥ the stored width).
/// When beta is 0, C is only written, never read. Results are bit-identical for any thread count.
/// </summary>
public static unsafe class Gemm
{
    /// <summary>float32 GEMM: C = alpha·op(A)·op(B) + beta·C.</summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc) =>
        Run(GemmConfig.Default, transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0, 1);

    /// <summary>float64 GEMM: C = alpha·op(A)·op(B) + beta·C.</summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc) =>
        Run(GemmConfig.Default, transA, transB, m, n, k, alpha, a, lda, 0, b, ldb, 0, beta, c, ldc, 0, 1);

    /// <summary>
    /// float32 batched GEMM: for each batch item i, C_i = alpha·op(A_i)·op(B_i) + beta·C_i, where item i of
    /// X starts at i·strideX. A stride of 0 shares one matrix across the batch (e.g. convolution weights).
    /// </summary>
    public static void SgemmBatched(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, long strideA, ReadOnlySpan<float> b, int ldb, long strideB,
        float beta, Span<float> c, int ldc, long strideC, int batchCount) =>
        Run(GemmConfig.Default, transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batchCount);

    /// <summary>float64 batched GEMM; see <see cref="SgemmBatched"/>.</summary>
    public static void DgemmBatched(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, long strideA, ReadOnlySpan<double> b, int ldb, long strideB,
        double beta, Span<double> c, int ldc, long strideC, int batchCount) =>
        Run(GemmConfig.Default, transA, transB, m, n, k, alpha, a, lda, strideA, b, ldb, strideB, beta, c, ldc, strideC, batchCount);

    /// <summary>The batched GEMM with an explicit kernel and thread bound (tests force these).</summary>
    internal static void Run<T>(GemmConfig config, bool transA, bool transB, int m, int n, int k, T alpha,
        ReadOnlySpan<T> a, int lda, long strideA, ReadOnlySpan<T> b, int ldb, long strideB,
        T beta, Span<T> c, int ldc, long strideC, int batchCount)
        where T : unmanaged, INumber<T>
    {
        if (m < 0 || n < 0 || k < 0 || batchCount < 0) throw new ArgumentOutOfRangeException(nameof(m), "Sizes and batch count must be non-negative.");
        if (!GemmIsas.IsSupported(config.Isa)) throw new PlatformNotSupportedException($"This CPU cannot run the {config.Isa} GEMM kernel.");
        if (batchCount > 1 && strideC < (long)m * ldc) throw new ArgumentException("Batch items of C must not overlap.", nameof(strideC));
        CheckOperand(nameof(a), a.Length, transA ? k : m, transA ? m : k, lda, strideA, batchCount);
        CheckOperand(nameof(b), b.Length, transB ? n : k, transB ? k : n, ldb, strideB, batchCount);
        CheckOperand(nameof(c), c.Length, m, n, ldc, strideC, batchCount);
        if (batchCount == 0) return;

        fixed (T* pa = a, pb = b, pc = c)
            GemmBatch.Run(config, transA, transB, m, n, k, alpha, pa, lda, strideA, pb, ldb, strideB, beta, pc, ldc, strideC, batchCount);
    }

    /// <summary>Throws unless a batch of stored rows×cols matrices with this leading dimension and stride fits in the span.</summary>
    private static void CheckOperand(string name, int length, int rows, int cols, int ld, long stride, int batchCount)
    {
        if (ld < Math.Max(1, cols)) throw new ArgumentException($"Leading dimension of {name} ({ld}) is smaller than its stored width ({cols}).", name);
        if (stride < 0) throw new ArgumentException($"Batch stride of {name} must be non-negative.", name);
        if (rows == 0 || cols == 0 || batchCount == 0) return;
        long needed = (batchCount - 1) * stride + (long)(rows - 1) * ld + cols;
        if (length < needed) throw new ArgumentException($"{name} holds {length} elements but the product needs {needed}.", name);
    }
}
