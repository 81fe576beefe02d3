namespace CourseCompanion.Notebooks.Execution;

/// <summary>How to start a worker process.</summary>
/// <param name="WorkingDirectory">The notebook's folder: cells run there and <c>#r</c> paths resolve against it.</param>
/// <param name="MemoryLimitBytes">The worker's GC heap cap (<c>DOTNET_GCHeapHardLimit</c>).</param>
/// <param name="WorkerAssembly">The worker's entry assembly; by default <c>CourseCompanion.Worker.dll</c> beside this library.</param>
public sealed record WorkerOptions(string WorkingDirectory, long MemoryLimitBytes = 4L << 30, string? WorkerAssembly = null)
{
    /// <summary>The worker assembly path that will be launched.</summary>
    public string ResolvedWorkerAssembly => WorkerAssembly
        ?? Path.Combine(Path.GetDirectoryName(typeof(WorkerOptions).Assembly.Location)!, "CourseCompanion.Worker.dll");

    /// <summary>A command the worker runs under, e.g. <c>bwrap ... --</c>: the worker's own command line is appended to it.</summary>
    public IReadOnlyList<string>? Wrapper { get; init; }

    /// <summary>Extra environment variables for the worker process.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }
}
