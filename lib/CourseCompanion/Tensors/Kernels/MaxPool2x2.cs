using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Max pooling of one float32 plane with 2×2 windows, stride 2, no padding and no dilation (<c>nn.MaxPool2d(2)</c>):
/// with AVX2, eight windows at a time from two 16-float loads per row, split into even and odd columns. The taps are
/// compared in the window's order (top-left, top-right, bottom-left, bottom-right) with <see cref="MaxPool.Beats"/>'s rule,
/// so ties and NaN pick the same tap as the general loop.
/// </summary>
internal static class MaxPool2x2
{
    /// <summary>Whether the geometry is the one this path handles.</summary>
    public static bool Fits(WindowGeometry g) =>
        g is { KernelHeight: 2, KernelWidth: 2, StrideHeight: 2, StrideWidth: 2, PadHeight: 0, PadWidth: 0, DilationHeight: 1, DilationWidth: 1 };

    /// <summary>Pools a plane of the given width into outHeight × outWidth maxima and their in-plane indices.</summary>
    public static void Plane(int width, int outHeight, int outWidth, ReadOnlySpan<float> x, Span<float> y, Span<int> argmax)
    {
        for (int oh = 0; oh < outHeight; oh++)
        {
            int top = 2 * oh * width, o = oh * outWidth, ow = 0;
            if (Avx2.IsSupported)
                for (; ow + Vector256<float>.Count <= outWidth; ow += Vector256<float>.Count)
                    EightWindows(x, top + 2 * ow, width, y.Slice(o + ow), argmax.Slice(o + ow));
            for (; ow < outWidth; ow++)
            {
                int i = top + 2 * ow, at = i;
                float best = x[i];
                foreach (int j in (ReadOnlySpan<int>)[i + 1, i + width, i + width + 1])
                    if (MaxPool.Beats(x[j], best)) (best, at) = (x[j], j);
                y[o + ow] = best;
                argmax[o + ow] = at;
            }
        }
    }

    /// <summary>The eight windows whose top-left taps are x[start], x[start + 2], …, x[start + 14].</summary>
    private static void EightWindows(ReadOnlySpan<float> x, int start, int width, Span<float> y, Span<int> argmax)
    {
        ref float topRow = ref Unsafe.Add(ref MemoryMarshal.GetReference(x), start);
        ref float bottomRow = ref Unsafe.Add(ref topRow, width);
        var (topLeft, topRight) = SplitColumns(ref topRow);
        var (bottomLeft, bottomRight) = SplitColumns(ref bottomRow);
        var best = topLeft;
        var offset = Vector256<int>.Zero;
        Take(topRight, 1, ref best, ref offset);
        Take(bottomLeft, width, ref best, ref offset);
        Take(bottomRight, width + 1, ref best, ref offset);
        best.CopyTo(y);
        (offset + Vector256.Create(start) + Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14)).CopyTo(argmax);
    }

    /// <summary>Sixteen floats from <paramref name="row"/> as their even (left taps) and odd (right taps) columns.</summary>
    private static (Vector256<float> Even, Vector256<float> Odd) SplitColumns(ref float row)
    {
        var evenThenOdd = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        var low = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref row), evenThenOdd);
        var high = Avx2.PermuteVar8x32(Vector256.LoadUnsafe(ref row, 8), evenThenOdd);
        return (Avx.Permute2x128(low, high, 0x20), Avx.Permute2x128(low, high, 0x31));
    }

    /// <summary>Lane-wise <see cref="MaxPool.Beats"/>: where the tap is larger, or NaN (not equal to itself), it becomes the best.</summary>
    private static void Take(Vector256<float> tap, int tapOffset, ref Vector256<float> best, ref Vector256<int> offset)
    {
        var wins = Vector256.GreaterThan(tap, best) | ~Vector256.Equals(tap, tap);
        best = Vector256.ConditionalSelect(wins, tap, best);
        offset = Vector256.ConditionalSelect(wins.AsInt32(), Vector256.Create(tapOffset), offset);
    }
}
