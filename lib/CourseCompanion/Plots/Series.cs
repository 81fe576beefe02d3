using CourseCompanion.Tensors;

namespace CourseCompanion.Plots;

/// <summary>
/// One-dimensional plot input. Every plotting method takes <see cref="Series"/>, so each input kind
/// converts here once: <c>double[]</c>, <c>float[]</c>, <c>int[]</c>, <c>List&lt;double&gt;</c> implicitly,
/// any <c>IReadOnlyList&lt;double&gt;</c> via the constructor (C# forbids implicit conversions from interfaces).
/// </summary>
public readonly struct Series
{
    private readonly double[]? values;

    /// <summary>Copies <paramref name="values"/>.</summary>
    public Series(IReadOnlyList<double> values) => this.values = [.. values];

    private Series(double[] values) => this.values = values;

    /// <summary>The number of values.</summary>
    public int Count => Values.Length;

    /// <summary>The value at <paramref name="index"/>.</summary>
    public double this[int index] => Values[index];

    internal double[] Values => values ?? [];

    /// <summary>0, 1, ..., <paramref name="count"/> − 1: the default x for y-only plots.</summary>
    public static Series Range(int count) => new(Enumerable.Range(0, count).Select(i => (double)i).ToArray());

    /// <summary>A 1-D tensor (or one with a single non-trivial dimension) as plot input.</summary>
    public static implicit operator Series(Tensor values)
    {
        if (values.Shape.Count(s => s != 1) > 1)
            throw new ArgumentException($"A plot series needs a 1-D tensor, got shape [{string.Join(", ", values.Shape)}]; index or flatten it first.");
        return new(values.ToArray<double>());
    }

#pragma warning disable CS1591 // the conversions explain themselves
    public static implicit operator Series(double[] values) => new((double[])values.Clone());
    public static implicit operator Series(float[] values) => new(Array.ConvertAll(values, v => (double)v));
    public static implicit operator Series(int[] values) => new(Array.ConvertAll(values, v => (double)v));
    public static implicit operator Series(List<double> values) => new([.. values]);
#pragma warning restore CS1591
}
