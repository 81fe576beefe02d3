namespace CourseCompanion.Tensors;

/// <summary>Shape arithmetic: element counts, strides, broadcasting and dimension checks.</summary>
internal static class Shapes
{
    public static int Product(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int s in shape) n *= s;
        if (n > Array.MaxLength) throw new ArgumentException($"Shape {Format(shape)} has {n} elements, more than an array can hold.");
        return (int)n;
    }

    public static int[] ContiguousStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        int step = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = step;
            step *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    public static bool IsContiguous(int[] shape, int[] strides)
    {
        if (Array.IndexOf(shape, 0) >= 0) return true; // no elements: any strides will do (as in PyTorch)
        int step = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] != 1 && strides[i] != step) return false;
            step *= shape[i];
        }
        return true;
    }

    public static int NormalizeDim(int dim, int rank, string op)
    {
        int d = dim < 0 ? dim + rank : dim;
        if (d < 0 || d >= Math.Max(rank, 1) || (rank == 0 && d != 0))
            throw new ArgumentOutOfRangeException(nameof(dim), $"{op}: dimension {dim} is out of range for a tensor with {rank} dimension(s).");
        return d;
    }

    /// <summary>NumPy broadcasting: align from the right; sizes must match or be 1.</summary>
    public static int[] Broadcast(int[] a, int[] b, string op)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            int db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"{op}: shapes {Format(a)} and {Format(b)} cannot be broadcast (dimension {i}: {da} vs {db}).");
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /// <summary>The multi-index of a flat row-major position.</summary>
    public static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return index;
    }

    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    public static bool Equal(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);
}
