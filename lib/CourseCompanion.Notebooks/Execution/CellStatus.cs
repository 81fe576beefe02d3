namespace CourseCompanion.Notebooks.Execution;

/// <summary>How a cell's execution ended.</summary>
public enum CellStatus
{
    /// <summary>Ran to the end.</summary>
    Succeeded,
    /// <summary>Ended in a compile or runtime error (an <c>error</c> output was produced); the worker lives on.</summary>
    Failed,
    /// <summary>Exceeded its time limit; the worker was stopped.</summary>
    TimedOut,
    /// <summary>The worker process died (stack overflow, <c>Environment.Exit</c>, out of memory); its state is gone.</summary>
    WorkerLost,
}

/// <summary>The end of one cell's execution; <paramref name="Error"/> is one line for humans when it did not succeed.</summary>
public sealed record CellRun(CellStatus Status, string? Error);
