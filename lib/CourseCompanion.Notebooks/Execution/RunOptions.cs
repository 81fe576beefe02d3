namespace CourseCompanion.Notebooks.Execution;

/// <summary>Limits for running a notebook.</summary>
public sealed record RunOptions
{
    /// <summary>Time one cell may take before its worker is stopped.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Time the whole notebook may take.</summary>
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>The worker's GC heap cap in bytes.</summary>
    public long MemoryLimitBytes { get; init; } = 4L << 30;

    /// <summary>A worker assembly other than the one beside this library (tests, tools).</summary>
    public string? WorkerAssembly { get; init; }

    /// <summary>Go on after a failing cell, as nbgrader's autograder does (<c>allow_errors</c>); a timeout or a dead worker still stops the run.</summary>
    public bool ContinueAfterErrors { get; init; }

    /// <summary>Lines of output one cell may store (nbgrader's LimitOutput keeps 1000); later output is dropped with a note. Null: no limit.</summary>
    public int? MaxOutputLines { get; init; }

    /// <summary>A command the worker is started under (a sandbox such as bubblewrap); null or empty: none.</summary>
    public IReadOnlyList<string>? WorkerWrapper { get; init; }

    /// <summary>Extra environment variables for the worker process.</summary>
    public IReadOnlyDictionary<string, string>? WorkerEnvironment { get; init; }
}
