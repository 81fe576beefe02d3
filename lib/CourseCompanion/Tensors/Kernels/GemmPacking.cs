using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the contiguous panel order the micro-kernel reads:
/// A as MR-row panels (for each k, MR values), B as NR-column panels (for each k, NR values).
/// Panels past the matrix edge are padded with zeros, so the kernel never branches on size.
/// Buffers need <see cref="Slack"/> elements beyond the packed size.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>Elements a pack buffer needs past its packed size (overlapping vector stores).</summary>
    public const int Slack = 8;

    /// <summary>Packs rows [i0, i0+mc) and depth [p0, p0+kc) of op(A) into MR-row panels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA<T>(bool transA, T* a, int lda, int i0, int p0, int mc, int kc, T* dst)
        where T : unmanaged, INumber<T>
    {
        const int mr = GemmIsas.Mr;
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            if (transA)
            {
                T* src = a + (long)p0 * lda + i0 + ir;
                for (int p = 0; p < kc; p++, src += lda, dst += mr)
                {
                    int r = 0;
                    for (; r < rows; r++) dst[r] = src[r];
                    for (; r < mr; r++) dst[r] = T.Zero;
                }
            }
            else if (rows == mr && typeof(T) == typeof(float) && Avx.IsSupported)
            {
                PackTranspose.SixRows((float*)(a + (long)(i0 + ir) * lda + p0), lda, kc, (float*)dst);
                dst += kc * mr;
            }
            else if (rows == mr)
            {
                T* r0 = a + (long)(i0 + ir) * lda + p0;
                T* r1 = r0 + lda, r2 = r1 + lda, r3 = r2 + lda, r4 = r3 + lda, r5 = r4 + lda;
                for (int p = 0; p < kc; p++, dst += mr)
                {
                    dst[0] = r0[p]; dst[1] = r1[p]; dst[2] = r2[p];
                    dst[3] = r3[p]; dst[4] = r4[p]; dst[5] = r5[p];
                }
            }
            else
            {
                T* src = a + (long)(i0 + ir) * lda + p0;
                for (int r = 0; r < mr; r++)
                {
                    T* row = src + (long)r * lda;
                    for (int p = 0; p < kc; p++) dst[p * mr + r] = r < rows ? row[p] : T.Zero;
                }
                dst += kc * mr;
            }
        }
    }

    /// <summary>Packs depth [p0, p0+kc) and columns [j0, j0+nc) of op(B) into NR-column panels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB<T>(bool transB, T* b, int ldb, int p0, int j0, int kc, int nc, int nr, T* dst)
        where T : unmanaged, INumber<T>
    {
        for (int jr = 0; jr < nc; jr += nr, dst += kc * nr)
        {
            int cols = Math.Min(nr, nc - jr);
            if (transB && cols == nr && typeof(T) == typeof(float) && Avx.IsSupported)
                PackTranspose.Columns((float*)(b + (long)(j0 + jr) * ldb + p0), ldb, kc, nr, (float*)dst);
            else if (transB)
            {
                for (int j = 0; j < nr; j++)
                {
                    T* src = b + (long)(j0 + jr + j) * ldb + p0;
                    for (int p = 0; p < kc; p++) dst[p * nr + j] = j < cols ? src[p] : T.Zero;
                }
            }
            else if (cols == nr)
            {
                T* src = b + (long)p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++, src += ldb) CopyVectors(src, dst + p * nr, nr);
            }
            else
            {
                T* src = b + (long)p0 * ldb + j0 + jr;
                for (int p = 0; p < kc; p++, src += ldb)
                {
                    int j = 0;
                    for (; j < cols; j++) dst[p * nr + j] = src[j];
                    for (; j < nr; j++) dst[p * nr + j] = T.Zero;
                }
            }
        }
    }

    /// <summary>Copies <paramref name="count"/> elements, a multiple of the <see cref="Vector{T}"/> width.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyVectors<T>(T* src, T* dst, int count) where T : unmanaged
    {
        for (int j = 0; j < count; j += Vector<T>.Count)
            Unsafe.WriteUnaligned(dst + j, Unsafe.ReadUnaligned<Vector<T>>(src + j));
    }
}
