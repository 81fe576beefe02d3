using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// The 6×(2·Vector256) register-tile kernel with FMA (6×16 floats, 6×8 doubles):
/// twelve accumulators, two B vectors and one broadcast A value fill the 16 YMM registers.
/// </summary>
internal static unsafe class MicroKernelAvx2
{
    /// <summary>C[0..rows, 0..cols] = alpha · Apanel·Bpanel + beta · C over depth <paramref name="kc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T>(int kc, T* a, T* b, T* c, int ldc, int rows, int cols, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < GemmIsas.Mr; i++)
        {
            Sse.Prefetch0(c + (long)i * ldc);
            Sse.Prefetch0(c + (long)i * ldc + 2 * Vector256<T>.Count - 1);
        }
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += GemmIsas.Mr, b += 2 * w)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var ai = Vector256.Create(a[0]);
            c00 = MulAdd(ai, b0, c00); c01 = MulAdd(ai, b1, c01);
            ai = Vector256.Create(a[1]);
            c10 = MulAdd(ai, b0, c10); c11 = MulAdd(ai, b1, c11);
            ai = Vector256.Create(a[2]);
            c20 = MulAdd(ai, b0, c20); c21 = MulAdd(ai, b1, c21);
            ai = Vector256.Create(a[3]);
            c30 = MulAdd(ai, b0, c30); c31 = MulAdd(ai, b1, c31);
            ai = Vector256.Create(a[4]);
            c40 = MulAdd(ai, b0, c40); c41 = MulAdd(ai, b1, c41);
            ai = Vector256.Create(a[5]);
            c50 = MulAdd(ai, b0, c50); c51 = MulAdd(ai, b1, c51);
        }

        bool full = rows == GemmIsas.Mr && cols == 2 * w;
        T* tile = stackalloc T[full ? 0 : GemmIsas.Mr * 2 * w];
        T* dst = full ? c : tile;
        int ld = full ? ldc : 2 * w;
        T betaHere = full ? beta : T.Zero;
        T alphaHere = full ? alpha : T.One;
        Store(dst, w, c00, c01, alphaHere, betaHere); dst += ld;
        Store(dst, w, c10, c11, alphaHere, betaHere); dst += ld;
        Store(dst, w, c20, c21, alphaHere, betaHere); dst += ld;
        Store(dst, w, c30, c31, alphaHere, betaHere); dst += ld;
        Store(dst, w, c40, c41, alphaHere, betaHere); dst += ld;
        Store(dst, w, c50, c51, alphaHere, betaHere);
        if (!full) MicroTile.UpdatePartial(tile, 2 * w, c, ldc, rows, cols, alpha, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<T>(T* c, int w, Vector256<T> acc0, Vector256<T> acc1, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        if (T.IsZero(beta))
        {
            (acc0 * alpha).Store(c);
            (acc1 * alpha).Store(c + w);
        }
        else
        {
            (acc0 * alpha + Vector256.Load(c) * beta).Store(c);
            (acc1 * alpha + Vector256.Load(c + w) * beta).Store(c + w);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MulAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> acc) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            return Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), acc.AsSingle()).As<float, T>();
        return Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), acc.AsDouble()).As<double, T>();
    }
}
