using System.Runtime.InteropServices;
using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tensors;

/// <summary>
/// The GEMM kernels for a generic element type (float or double), with alpha = 1:
/// C_i = op(A_i)·op(B_i) (+ C_i when <c>accumulate</c>) for batch items i, item i of X starting at i·strideX.
/// </summary>
internal static class BatchedGemm
{
    public static void Run<T>(bool transA, bool transB, int m, int n, int k,
        ReadOnlySpan<T> a, int lda, long strideA, ReadOnlySpan<T> b, int ldb, long strideB,
        bool accumulate, Span<T> c, int ldc, long strideC, int batchCount = 1) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            Gemm.SgemmBatched(transA, transB, m, n, k, 1f, MemoryMarshal.Cast<T, float>(a), lda, strideA,
                MemoryMarshal.Cast<T, float>(b), ldb, strideB, accumulate ? 1f : 0f, MemoryMarshal.Cast<T, float>(c), ldc, strideC, batchCount);
        else if (typeof(T) == typeof(double))
            Gemm.DgemmBatched(transA, transB, m, n, k, 1.0, MemoryMarshal.Cast<T, double>(a), lda, strideA,
                MemoryMarshal.Cast<T, double>(b), ldb, strideB, accumulate ? 1.0 : 0.0, MemoryMarshal.Cast<T, double>(c), ldc, strideC, batchCount);
        else throw new NotSupportedException($"GEMM: no kernel for {typeof(T).Name}.");
    }

    /// <summary>The storage of a tensor from its offset to the end of the array (strided operands index into it).</summary>
    public static ReadOnlySpan<T> From<T>(Tensor t) where T : unmanaged
    {
        var data = t.Storage<T>();
        return new ReadOnlySpan<T>(data, t.Offset, data.Length - t.Offset);
    }
}
