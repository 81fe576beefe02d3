using System.Numerics;
using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

/// <summary>Row-major C = A·B for one matrix pair, accumulating row by row with vectorised multiply-adds.</summary>
internal static class MatMulKernel
{
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        c.Clear();
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (int p = 0; p < k; p++)
            {
                T aip = a[i * k + p];
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), aip, row, row);
            }
        }
    }
}
