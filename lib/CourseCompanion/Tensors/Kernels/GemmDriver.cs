using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// The Goto/BLIS loop nest around the micro-kernel, and its split across threads.
/// Threads get disjoint rectangles of C, each computed by the same single-threaded loop nest,
/// so an element's value never depends on the thread count.
/// </summary>
internal static unsafe class GemmDriver
{
    /// <summary>Products below this many flops (2·m·n·k) run on the calling thread only.</summary>
    public const double ParallelFlops = 4e6;

    /// <summary>Smallest rectangle side worth a part of its own: below it, repacking outweighs load balance.</summary>
    private const int MinPartSide = 512;

    /// <summary>C = alpha·op(A)·op(B) + beta·C on row-major storage; arguments already checked.</summary>
    public static void Run<T>(GemmConfig config, bool transA, bool transB, int m, int n, int k,
        T alpha, T* a, int lda, T* b, int ldb, T beta, T* c, int ldc)
        where T : unmanaged, INumber<T>
    {
        if (m == 0 || n == 0) return;
        if (k == 0 || T.IsZero(alpha))
        {
            Scale(m, n, beta, c, ldc);
            return;
        }

        int nr = config.Isa.Nr<T>();
        int threads = ThreadsFor(config.Threads, m, n, k, nr);
        if (threads == 1)
            RunBlock(config.Isa, transA, transB, 0, m, 0, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else
            RunParallel(config.Isa, threads, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>
    /// Splits C into rectangles that threads take as they become free (kept apart from <see cref="Run{T}"/>
    /// so the single-threaded path allocates no closure).
    /// </summary>
    private static void RunParallel<T>(GemmIsa isa, int threads, bool transA, bool transB, int m, int n, int k,
        T alpha, T* a, int lda, T* b, int ldb, T beta, T* c, int ldc)
        where T : unmanaged, INumber<T>
    {
        int nr = isa.Nr<T>();
        var (rowParts, colParts) = Split(threads, m, n);
        int rowPanels = (m + GemmIsas.Mr - 1) / GemmIsas.Mr, colPanels = (n + nr - 1) / nr;
        nint pa = (nint)a, pb = (nint)b, pc = (nint)c;
        Team.For(rowParts * colParts, part =>
        {
            int r = part / colParts, q = part % colParts;
            int i0 = Math.Min(m, r * rowPanels / rowParts * GemmIsas.Mr);
            int i1 = Math.Min(m, (r + 1) * rowPanels / rowParts * GemmIsas.Mr);
            int j0 = Math.Min(n, q * colPanels / colParts * nr);
            int j1 = Math.Min(n, (q + 1) * colPanels / colParts * nr);
            RunBlock(isa, transA, transB, i0, i1, j0, j1, k, alpha, (T*)pa, lda, (T*)pb, ldb, beta, (T*)pc, ldc);
        });
    }

    /// <summary>Threads worth using: one for small products, never more than there are tiles.</summary>
    private static int ThreadsFor(int maxThreads, int m, int n, int k, int nr)
    {
        if (maxThreads <= 1 || 2.0 * m * n * k < ParallelFlops) return 1;
        long tiles = (long)((m + GemmIsas.Mr - 1) / GemmIsas.Mr) * ((n + nr - 1) / nr);
        return (int)Math.Min(maxThreads, tiles);
    }

    /// <summary>
    /// Splits C into rowParts × colParts rectangles. Each rectangle repacks its rows of A and columns of B,
    /// so packing costs m/rowParts + n/colParts per rectangle: among the splits into threads·f parts
    /// (f = 4, 2, 1: several parts per thread balance load when a core is busy elsewhere), take the largest f
    /// whose rectangles stay at least <see cref="MinPartSide"/> on each side, and for it the cheapest split.
    /// </summary>
    private static (int RowParts, int ColParts) Split(int threads, int m, int n)
    {
        for (int perThread = 4; perThread > 1; perThread /= 2)
        {
            var split = CheapestSplit(threads * perThread, m, n);
            if (m / split.RowParts >= MinPartSide && n / split.ColParts >= MinPartSide) return split;
        }
        return CheapestSplit(threads, m, n);
    }

    /// <summary>The split into exactly <paramref name="parts"/> rectangles that packs the least.</summary>
    private static (int RowParts, int ColParts) CheapestSplit(int parts, int m, int n)
    {
        var best = (RowParts: 1, ColParts: parts);
        double bestCost = double.MaxValue;
        for (int rows = 1; rows <= parts; rows++)
        {
            if (parts % rows != 0) continue;
            double cost = (double)m / rows + (double)n / (parts / rows);
            if (cost < bestCost) (best, bestCost) = ((rows, parts / rows), cost);
        }
        return best;
    }

    /// <summary>The single-threaded loop nest over the rectangle rows [i0, i1) × columns [j0, j1) of C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunBlock<T>(GemmIsa isa, bool transA, bool transB, int i0, int i1, int j0, int j1, int k,
        T alpha, T* a, int lda, T* b, int ldb, T beta, T* c, int ldc)
        where T : unmanaged, INumber<T>
    {
        if (i0 >= i1 || j0 >= j1) return;
        int nr = isa.Nr<T>(), mr = GemmIsas.Mr;
        int kcMax = GemmBlocking.Kc(k), mcMax = GemmBlocking.Mc(sizeof(T));
        int ncMax = Math.Min(GemmBlocking.Nc, (j1 - j0 + nr - 1) / nr * nr);
        int mcAlloc = Math.Min(mcMax, (i1 - i0 + mr - 1) / mr * mr);
        const int align = 64;
        T[] bufA = ArrayPool<T>.Shared.Rent(mcAlloc * kcMax + align + GemmPacking.Slack);
        T[] bufB = ArrayPool<T>.Shared.Rent(ncMax * kcMax + align);
        try
        {
            fixed (T* rawA = bufA, rawB = bufB)
            {
                T* packA = Align(rawA, align), packB = Align(rawB, align);
                for (int jc = j0; jc < j1; jc += GemmBlocking.Nc)
                {
                    int nc = Math.Min(GemmBlocking.Nc, j1 - jc);
                    for (int pc = 0; pc < k; pc += kcMax)
                    {
                        int kc = Math.Min(kcMax, k - pc);
                        T betaHere = pc == 0 ? beta : T.One;
                        GemmPacking.PackB(transB, b, ldb, pc, jc, kc, nc, nr, packB);
                        for (int ic = i0; ic < i1; ic += mcMax)
                        {
                            int mc = Math.Min(mcMax, i1 - ic);
                            GemmPacking.PackA(transA, a, lda, ic, pc, mc, kc, packA);
                            for (int jr = 0; jr < nc; jr += nr)
                            {
                                int cols = Math.Min(nr, nc - jr);
                                for (int ir = 0; ir < mc; ir += mr)
                                {
                                    T* tile = c + (long)(ic + ir) * ldc + jc + jr;
                                    MicroKernel(isa, kc, packA + ir * kc, packB + jr * kc, tile, ldc,
                                        Math.Min(mr, mc - ir), cols, alpha, betaHere);
                                }
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(bufA);
            ArrayPool<T>.Shared.Return(bufB);
        }
    }

    private static void MicroKernel<T>(GemmIsa isa, int kc, T* a, T* b, T* c, int ldc, int rows, int cols, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        switch (isa)
        {
            case GemmIsa.Avx512: MicroKernelAvx512.Run(kc, a, b, c, ldc, rows, cols, alpha, beta); break;
            case GemmIsa.Avx2: MicroKernelAvx2.Run(kc, a, b, c, ldc, rows, cols, alpha, beta); break;
            default: MicroKernelPortable.Run(kc, a, b, c, ldc, rows, cols, alpha, beta); break;
        }
    }

    /// <summary>C = beta·C (zero when beta is zero, whatever C held): the whole product when k or alpha is 0.</summary>
    private static void Scale<T>(int m, int n, T beta, T* c, int ldc) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < m; i++, c += ldc)
            for (int j = 0; j < n; j++) c[j] = T.IsZero(beta) ? T.Zero : beta * c[j];
    }

    private static T* Align<T>(T* p, int bytes) where T : unmanaged =>
        (T*)(((nint)p + bytes - 1) & ~(nint)(bytes - 1));
}
