using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// The portable 6×(2·Vector&lt;T&gt;) register-tile kernel, with separate multiply and add,
/// for CPUs without AVX2+FMA.
/// </summary>
internal static unsafe class MicroKernelPortable
{
    /// <summary>C[0..rows, 0..cols] = alpha · Apanel·Bpanel + beta · C over depth <paramref name="kc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<T>(int kc, T* a, T* b, T* c, int ldc, int rows, int cols, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        int w = Vector<T>.Count;
        Vector<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += GemmIsas.Mr, b += 2 * w)
        {
            var b0 = Load(b);
            var b1 = Load(b + w);
            var ai = new Vector<T>(a[0]);
            c00 = MulAdd(ai, b0, c00); c01 = MulAdd(ai, b1, c01);
            ai = new Vector<T>(a[1]);
            c10 = MulAdd(ai, b0, c10); c11 = MulAdd(ai, b1, c11);
            ai = new Vector<T>(a[2]);
            c20 = MulAdd(ai, b0, c20); c21 = MulAdd(ai, b1, c21);
            ai = new Vector<T>(a[3]);
            c30 = MulAdd(ai, b0, c30); c31 = MulAdd(ai, b1, c31);
            ai = new Vector<T>(a[4]);
            c40 = MulAdd(ai, b0, c40); c41 = MulAdd(ai, b1, c41);
            ai = new Vector<T>(a[5]);
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
    private static void Store<T>(T* c, int w, Vector<T> acc0, Vector<T> acc1, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        if (T.IsZero(beta))
        {
            StoreVector(c, acc0 * alpha);
            StoreVector(c + w, acc1 * alpha);
        }
        else
        {
            StoreVector(c, acc0 * alpha + Load(c) * beta);
            StoreVector(c + w, acc1 * alpha + Load(c + w) * beta);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> MulAdd<T>(Vector<T> a, Vector<T> b, Vector<T> acc) where T : unmanaged => a * b + acc;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Load<T>(T* p) where T : unmanaged => Unsafe.ReadUnaligned<Vector<T>>(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreVector<T>(T* p, Vector<T> v) where T : unmanaged => Unsafe.WriteUnaligned(p, v);
}
