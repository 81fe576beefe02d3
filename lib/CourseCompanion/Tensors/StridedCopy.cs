namespace CourseCompanion.Tensors;

/// <summary>Copies a strided view into a flat row-major buffer, a row of the last dimension at a time.</summary>
internal static class StridedCopy
{
    public static void Gather<T>(T[] source, int offset, int[] shape, int[] strides, Span<T> destination)
    {
        int rank = shape.Length;
        if (rank == 0) { destination[0] = source[offset]; return; }
        int n = destination.Length;
        if (n == 0) return;
        int inner = shape[rank - 1], innerStride = strides[rank - 1];
        var index = new int[rank];
        int src = offset;
        for (int start = 0; start < n; start += inner)
        {
            var row = destination.Slice(start, inner);
            if (innerStride == 1) source.AsSpan(src, inner).CopyTo(row);
            else for (int j = 0, s = src; j < inner; j++, s += innerStride) row[j] = source[s];
            // advance the odometer over the outer dimensions
            for (int d = rank - 2; d >= 0; d--)
            {
                src += strides[d];
                if (++index[d] < shape[d]) break;
                src -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>Visits the flat offsets of a strided view in row-major order.</summary>
    public static int[] Offsets(int offset, int[] shape, int[] strides)
    {
        var result = new int[Shapes.Product(shape)];
        int rank = shape.Length;
        if (rank == 0) { result[0] = offset; return result; }
        var index = new int[rank];
        int src = offset;
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = src;
            for (int d = rank - 1; d >= 0; d--)
            {
                src += strides[d];
                if (++index[d] < shape[d]) break;
                src -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
        return result;
    }
}
