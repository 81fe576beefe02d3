namespace CourseCompanion.Notebooks.Format;

/// <summary>A notebook file that cannot be read: names the file and the offending field.</summary>
public sealed class NotebookFormatException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    /// <summary>The file (or source name) that failed to load.</summary>
    public string File { get; } = file;

    /// <summary>JSON path of the offending field, e.g. <c>cells[3].source</c>.</summary>
    public string Field { get; } = field;
}
