using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>The instruction set a GEMM micro-kernel is written for.</summary>
internal enum GemmIsa
{
    /// <summary><see cref="Vector{T}"/> with separate multiply and add: runs everywhere.</summary>
    Portable,
    /// <summary>256-bit vectors with fused multiply-add (AVX2 + FMA).</summary>
    Avx2,
    /// <summary>512-bit vectors with fused multiply-add (AVX-512F).</summary>
    Avx512,
}

/// <summary>Picks the best micro-kernel for this CPU and tells its register tile shape.</summary>
internal static class GemmIsas
{
    /// <summary>Rows of the register tile (MR), the same for every kernel.</summary>
    public const int Mr = 6;

    /// <summary>The fastest kernel this CPU runs.</summary>
    public static readonly GemmIsa Best =
        Avx512F.IsSupported ? GemmIsa.Avx512
        : Avx2.IsSupported && Fma.IsSupported ? GemmIsa.Avx2
        : GemmIsa.Portable;

    /// <summary>Whether this CPU can run the given kernel.</summary>
    public static bool IsSupported(GemmIsa isa) => isa switch
    {
        GemmIsa.Avx512 => Avx512F.IsSupported,
        GemmIsa.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => true,
    };

    /// <summary>Columns of the register tile (NR): two vectors of <typeparamref name="T"/>.</summary>
    public static int Nr<T>(this GemmIsa isa) => isa switch
    {
        GemmIsa.Avx512 => 2 * Vector512<T>.Count,
        GemmIsa.Avx2 => 2 * Vector256<T>.Count,
        _ => 2 * Vector<T>.Count,
    };
}
