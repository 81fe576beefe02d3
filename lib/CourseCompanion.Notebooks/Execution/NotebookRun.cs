namespace CourseCompanion.Notebooks.Execution;

/// <summary>A cell that failed: its zero-based index, id and a one-line error.</summary>
public sealed record CellFailure(int CellIndex, string CellId, string Error);

/// <summary>The result of running a notebook: the cells that ran (indices) and the failures (none when it passed).</summary>
public sealed record NotebookRun(IReadOnlyList<int> ExecutedCells, IReadOnlyList<CellFailure> Failures)
{
    /// <summary>True when no cell failed.</summary>
    public bool Passed => Failures.Count == 0;
}
