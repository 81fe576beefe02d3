using System.Collections.Concurrent;
using System.Diagnostics;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// Starts child processes from one thread that lives as long as this process. Linux ties a parent-death signal
/// (<c>PR_SET_PDEATHSIG</c>, which bubblewrap's <c>--die-with-parent</c> sets) to the thread that forked the child, and the
/// thread pool retires idle threads: a worker forked from a pool thread would be killed some seconds later, mid-cell.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = [];

    static ProcessLauncher()
    {
        new Thread(Serve) { IsBackground = true, Name = "companion process launcher" }.Start();
    }

    /// <summary>Starts <paramref name="start"/> on the launcher thread.</summary>
    public static Task<Process> StartAsync(ProcessStartInfo start)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task;
    }

    private static void Serve()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try { started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start")); }
            catch (Exception e) { started.SetException(e); }
        }
    }
}
