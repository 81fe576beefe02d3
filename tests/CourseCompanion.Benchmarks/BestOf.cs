using System.Diagnostics;

namespace CourseCompanion.Benchmarks;

/// <summary>Times an action: warm-up runs first, then the best of several timed runs.</summary>
internal static class BestOf
{
    /// <summary>Seconds of the fastest of <paramref name="runs"/> timed calls, after <paramref name="warmups"/> untimed ones.</summary>
    public static double Seconds(Action action, int runs, int warmups = 2)
    {
        for (int i = 0; i < warmups; i++) action();
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return best;
    }
}
