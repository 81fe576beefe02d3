namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>Reseeds the default generator, like <c>torch.manual_seed</c>.</summary>
    public static void ManualSeed(ulong seed) => Generator.Default.ManualSeed(seed);

    /// <summary>A float32 tensor holding a copy of <paramref name="data"/>, viewed with the given shape (default: 1-D).</summary>
    public static Tensor FromArray(float[] data, params int[] shape) => FromFlat((float[])data.Clone(), shape, DType.Float32);

    /// <summary>A float64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor FromArray(double[] data, params int[] shape) => FromFlat((double[])data.Clone(), shape, DType.Float64);

    /// <summary>An int64 tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor FromArray(long[] data, params int[] shape) => FromFlat((long[])data.Clone(), shape, DType.Int64);

    /// <summary>An int64 tensor from int values (labels, indices).</summary>
    public static Tensor FromArray(int[] data, params int[] shape) => FromFlat(data.Select(v => (long)v).ToArray(), shape, DType.Int64);

    /// <summary>A bool tensor holding a copy of <paramref name="data"/>.</summary>
    public static Tensor FromArray(bool[] data, params int[] shape) => FromFlat((bool[])data.Clone(), shape, DType.Bool);

    /// <summary>A 2-D float32 tensor from a rectangular array.</summary>
    public static Tensor FromArray(float[,] data) => FromFlat(Flatten(data), [data.GetLength(0), data.GetLength(1)], DType.Float32);

    /// <summary>A 2-D float64 tensor from a rectangular array.</summary>
    public static Tensor FromArray(double[,] data) => FromFlat(Flatten(data), [data.GetLength(0), data.GetLength(1)], DType.Float64);

    private static T[] Flatten<T>(T[,] data)
    {
        var flat = new T[data.Length];
        int k = 0;
        foreach (var v in data) flat[k++] = v;
        return flat;
    }

    private static Tensor FromFlat(Array data, int[] shape, DType dtype)
    {
        if (shape.Length == 0) shape = [data.Length];
        if (Shapes.Product(shape) != data.Length)
            throw new ArgumentException($"FromArray: {data.Length} values do not fill shape {Shapes.Format(shape)}.");
        return new Tensor(data, (int[])shape.Clone(), dtype);
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32) => Full([], value, dtype);

    /// <summary>Zeros of the given shape (float32).</summary>
    public static Tensor Zeros(params int[] shape) => Zeros(shape, DType.Float32);

    /// <summary>Zeros of the given shape and type.</summary>
    public static Tensor Zeros(int[] shape, DType dtype) => Empty(CheckedShape(shape, "Zeros"), dtype);

    /// <summary>Ones of the given shape (float32).</summary>
    public static Tensor Ones(params int[] shape) => Full(shape, 1.0);

    /// <summary>Ones of the given shape and type.</summary>
    public static Tensor Ones(int[] shape, DType dtype) => Full(shape, 1.0, dtype);

    /// <summary>A tensor filled with one value.</summary>
    public static Tensor Full(int[] shape, double value, DType dtype = DType.Float32)
    {
        var t = Empty(CheckedShape(shape, "Full"), dtype);
        switch (dtype)
        {
            case DType.Float32: t.Span<float>().Fill((float)value); break;
            case DType.Float64: t.Span<double>().Fill(value); break;
            case DType.Int64: t.Span<long>().Fill((long)value); break;
            default: t.Span<bool>().Fill(value != 0); break;
        }
        return t;
    }

    /// <summary>Zeros with the shape and type of <paramref name="other"/>.</summary>
    public static Tensor ZerosLike(Tensor other) => Empty(other.ShapeArray, other.DType);

    /// <summary>Ones with the shape and type of <paramref name="other"/>.</summary>
    public static Tensor OnesLike(Tensor other) => Full(other.ShapeArray, 1.0, other.DType);

    /// <summary>A constant with the shape and type of <paramref name="other"/>.</summary>
    public static Tensor FullLike(Tensor other, double value) => Full(other.ShapeArray, value, other.DType);

    /// <summary>Integers 0, 1, …, end − 1 (int64), like <c>torch.arange(end)</c>.</summary>
    public static Tensor Arange(long end) => Arange(0, end);

    /// <summary>Integers from start (inclusive) to end (exclusive) in steps (int64).</summary>
    public static Tensor Arange(long start, long end, long step = 1)
    {
        if (step == 0) throw new ArgumentException("Arange: step must not be zero.", nameof(step));
        long n = Math.Max(0, (end - start + step - Math.Sign(step)) / step);
        var data = new long[n];
        for (long i = 0; i < n; i++) data[i] = start + i * step;
        return new Tensor(data, [(int)n], DType.Int64);
    }

    /// <summary>Values from start (inclusive) to end (exclusive) in floating steps.</summary>
    public static Tensor Arange(double start, double end, double step, DType dtype = DType.Float32)
    {
        if (step == 0) throw new ArgumentException("Arange: step must not be zero.", nameof(step));
        int n = Math.Max(0, (int)Math.Ceiling((end - start) / step));
        var t = Empty([n], dtype);
        for (int i = 0; i < n; i++) SetFromDouble(t.Data, dtype, i, start + i * step);
        return t;
    }

    /// <summary><paramref name="steps"/> evenly spaced values from start to end, both included.</summary>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DType.Float32)
    {
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), "Linspace: steps must be non-negative.");
        var t = Empty([steps], dtype);
        double h = steps > 1 ? (end - start) / (steps - 1) : 0;
        for (int i = 0; i < steps; i++) SetFromDouble(t.Data, dtype, i, i == steps - 1 ? end : start + i * h);
        return t;
    }

    /// <summary>The n × m identity (m defaults to n).</summary>
    public static Tensor Eye(int n, int? m = null, DType dtype = DType.Float32)
    {
        int cols = m ?? n;
        var t = Empty(CheckedShape([n, cols], "Eye"), dtype);
        for (int i = 0; i < Math.Min(n, cols); i++) SetFromDouble(t.Data, dtype, i * cols + i, 1);
        return t;
    }

    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor Rand(params int[] shape) => Rand(shape, null);

    /// <summary>Uniform samples in [0, 1) from a given generator.</summary>
    public static Tensor Rand(int[] shape, Generator? generator, DType dtype = DType.Float32) =>
        Sample(shape, dtype, "Rand", g => g.NextDouble(), generator);

    /// <summary>Standard normal samples.</summary>
    public static Tensor Randn(params int[] shape) => Randn(shape, null);

    /// <summary>Standard normal samples from a given generator.</summary>
    public static Tensor Randn(int[] shape, Generator? generator, DType dtype = DType.Float32) =>
        Sample(shape, dtype, "Randn", g => g.NextNormal(), generator);

    /// <summary>Uniform integers in [low, high) (int64).</summary>
    public static Tensor Randint(long low, long high, int[] shape, Generator? generator = null)
    {
        if (high <= low) throw new ArgumentException($"Randint: high ({high}) must exceed low ({low}).");
        return Sample(shape, DType.Int64, "Randint", g => low + g.NextInt64(high - low), generator);
    }

    /// <summary>Ones with probability p, zeros otherwise (float32).</summary>
    public static Tensor Bernoulli(double p, int[] shape, Generator? generator = null)
    {
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "Bernoulli: p must lie in [0, 1].");
        return Sample(shape, DType.Float32, "Bernoulli", g => g.NextDouble() < p ? 1 : 0, generator);
    }

    /// <summary>Per element: 1 with the probability given by <paramref name="p"/>, else 0 (same shape and type as p).</summary>
    public static Tensor Bernoulli(Tensor p, Generator? generator = null)
    {
        p.RequireFloatingPoint("Bernoulli");
        var probs = p.Contiguous().ToArray<double>();
        var g = generator ?? Generator.Default;
        var t = Empty(p.ShapeArray, p.DType);
        for (int i = 0; i < probs.Length; i++) SetFromDouble(t.Data, p.DType, i, g.NextDouble() < probs[i] ? 1 : 0);
        return t;
    }

    /// <summary>A random permutation of 0 … n − 1 (int64), like <c>torch.randperm</c>.</summary>
    public static Tensor Randperm(int n, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        var data = new long[n];
        for (int i = 0; i < n; i++) data[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)g.NextInt64(i + 1);
            (data[i], data[j]) = (data[j], data[i]);
        }
        return new Tensor(data, [n], DType.Int64);
    }

    /// <summary>Uniform samples in [0, 1) shaped like <paramref name="other"/>.</summary>
    public static Tensor RandLike(Tensor other, Generator? generator = null) => Rand(other.ShapeArray, generator, other.DType);

    /// <summary>Standard normal samples shaped like <paramref name="other"/>.</summary>
    public static Tensor RandnLike(Tensor other, Generator? generator = null) => Randn(other.ShapeArray, generator, other.DType);

    private static Tensor Sample(int[] shape, DType dtype, string op, Func<Generator, double> draw, Generator? generator)
    {
        var g = generator ?? Generator.Default;
        var t = Empty(CheckedShape(shape, op), dtype);
        var data = t.Data;
        for (int i = 0; i < t.NumEl; i++) SetFromDouble(data, dtype, i, draw(g));
        return t;
    }

    private static int[] CheckedShape(int[] shape, string op)
    {
        foreach (int s in shape)
            if (s < 0) throw new ArgumentException($"{op}: negative dimension in shape {Shapes.Format(shape)}.");
        return (int[])shape.Clone();
    }
}
