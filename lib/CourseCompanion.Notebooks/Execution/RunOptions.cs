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
}
