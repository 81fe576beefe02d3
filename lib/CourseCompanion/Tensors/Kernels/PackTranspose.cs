using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// AVX float packing for the cases where packing reads across the panel's rows: 8×8 blocks are
/// loaded as rows, transposed in registers and stored as the panel's k-rows.
/// </summary>
internal static unsafe class PackTranspose
{
    /// <summary>
    /// dst[p·6 + r] = rows[r][p] for p in [0, kc), r in [0, 6), rows <paramref name="ld"/> apart (an A panel).
    /// Each 8-wide store overlaps the next one's start, so the panel's last store writes two floats past it:
    /// the buffer needs that slack, and the next panel overwrites it.
    /// </summary>
    public static void SixRows(float* r0, long ld, int kc, float* dst)
    {
        float* r1 = r0 + ld, r2 = r1 + ld, r3 = r2 + ld, r4 = r3 + ld, r5 = r4 + ld;
        var zero = Vector256<float>.Zero;
        int p = 0;
        for (; p + 8 <= kc; p += 8, dst += 48)
            Transpose8x8(Load(r0 + p), Load(r1 + p), Load(r2 + p), Load(r3 + p), Load(r4 + p), Load(r5 + p), zero, zero, dst, 6);
        for (; p < kc; p++, dst += 6)
        {
            dst[0] = r0[p]; dst[1] = r1[p]; dst[2] = r2[p];
            dst[3] = r3[p]; dst[4] = r4[p]; dst[5] = r5[p];
        }
    }

    /// <summary>
    /// dst[p·nr + j] = rows[j][p] for p in [0, kc), j in [0, nr), rows <paramref name="ld"/> apart
    /// (a B panel of a transposed B); <paramref name="nr"/> is a multiple of 8.
    /// </summary>
    public static void Columns(float* r0, long ld, int kc, int nr, float* dst)
    {
        for (int j = 0; j < nr; j += 8, r0 += 8 * ld)
        {
            int p = 0;
            for (; p + 8 <= kc; p += 8)
            {
                float* r = r0 + p;
                Transpose8x8(Load(r), Load(r + ld), Load(r + 2 * ld), Load(r + 3 * ld),
                    Load(r + 4 * ld), Load(r + 5 * ld), Load(r + 6 * ld), Load(r + 7 * ld), dst + p * nr + j, nr);
            }
            for (; p < kc; p++)
                for (int q = 0; q < 8; q++) dst[p * nr + j + q] = r0[q * ld + p];
        }
    }

    /// <summary>Stores column p of the 8×8 block with rows x0..x7 at dst + p·stride, in increasing p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(Vector256<float> x0, Vector256<float> x1, Vector256<float> x2, Vector256<float> x3,
        Vector256<float> x4, Vector256<float> x5, Vector256<float> x6, Vector256<float> x7, float* dst, int stride)
    {
        var t0 = Avx.UnpackLow(x0, x1);
        var t1 = Avx.UnpackHigh(x0, x1);
        var t2 = Avx.UnpackLow(x2, x3);
        var t3 = Avx.UnpackHigh(x2, x3);
        var t4 = Avx.UnpackLow(x4, x5);
        var t5 = Avx.UnpackHigh(x4, x5);
        var t6 = Avx.UnpackLow(x6, x7);
        var t7 = Avx.UnpackHigh(x6, x7);
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(s0, s4, 0x20).Store(dst);
        Avx.Permute2x128(s1, s5, 0x20).Store(dst + stride);
        Avx.Permute2x128(s2, s6, 0x20).Store(dst + 2 * stride);
        Avx.Permute2x128(s3, s7, 0x20).Store(dst + 3 * stride);
        Avx.Permute2x128(s0, s4, 0x31).Store(dst + 4 * stride);
        Avx.Permute2x128(s1, s5, 0x31).Store(dst + 5 * stride);
        Avx.Permute2x128(s2, s6, 0x31).Store(dst + 6 * stride);
        Avx.Permute2x128(s3, s7, 0x31).Store(dst + 7 * stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(float* p) => Avx.LoadVector256(p);
}
