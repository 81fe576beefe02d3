namespace CourseCompanion.Notebooks.Execution;

/// <summary>A magic line we cannot honour; <see cref="Line"/> is 1-based within the cell.</summary>
public sealed class CellMagicException(int line, string problem) : Exception($"line {line}: {problem}")
{
    /// <summary>The 1-based line in the cell.</summary>
    public int Line { get; } = line;
}
