using CourseCompanion.Tensors;

namespace CourseCompanion.Plots;

/// <summary>
/// Two-dimensional plot input, indexed [row, column]: <c>double[,]</c>, <c>float[,]</c> and <c>int[,]</c> convert implicitly.
/// </summary>
public readonly struct Grid
{
    private readonly double[,]? values;

    private Grid(double[,] values) => this.values = values;

    /// <summary>The number of rows (first index).</summary>
    public int Rows => Values.GetLength(0);

    /// <summary>The number of columns (second index).</summary>
    public int Columns => Values.GetLength(1);

    /// <summary>The value at [<paramref name="row"/>, <paramref name="column"/>].</summary>
    public double this[int row, int column] => Values[row, column];

    internal double[,] Values => values ?? new double[0, 0];

    internal IEnumerable<double> All => Values.Cast<double>();

    private static Grid From<T>(T[,] source, Func<T, double> convert)
    {
        var result = new double[source.GetLength(0), source.GetLength(1)];
        for (var r = 0; r < result.GetLength(0); r++)
            for (var c = 0; c < result.GetLength(1); c++)
                result[r, c] = convert(source[r, c]);
        return new Grid(result);
    }

    /// <summary>A 2-D tensor as plot input, indexed [row, column].</summary>
    public static implicit operator Grid(Tensor values)
    {
        if (values.Dim != 2)
            throw new ArgumentException($"A plot grid needs a 2-D tensor, got shape [{string.Join(", ", values.Shape)}].");
        var flat = values.ToArray<double>();
        int rows = values.Size(0), cols = values.Size(1);
        var result = new double[rows, cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++) result[r, c] = flat[r * cols + c];
        return new Grid(result);
    }

#pragma warning disable CS1591 // the conversions explain themselves
    public static implicit operator Grid(double[,] values) => From(values, v => v);
    public static implicit operator Grid(float[,] values) => From(values, v => (double)v);
    public static implicit operator Grid(int[,] values) => From(values, v => (double)v);
#pragma warning restore CS1591
}
