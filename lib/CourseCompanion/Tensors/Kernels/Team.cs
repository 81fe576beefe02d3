using System.Runtime.ExceptionServices;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// The fork–join team behind the engine's parallel loops: one background thread per extra core, which spins briefly for
/// the next loop before it sleeps, so a loop of some tens of microseconds (a GEMM of an LSTM step) is not dominated by waking
/// thread-pool workers, as it is with Parallel.For. Iterations are claimed from a shared counter, and which thread runs one
/// never changes what it computes. A loop started while the team is busy (nested, or from another thread) runs inline.
/// </summary>
internal static class Team
{
    /// <summary>How long a helper spins for the next loop before it sleeps.</summary>
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 1000; // 1 ms

    private static readonly int Helpers = Math.Max(0, Environment.ProcessorCount - 1);
    private static readonly object Gate = new();
    private static readonly Lazy<bool> Started = new(StartHelpers);
    private static int _busy, _sleepers;
    private static long _generation;
    private static Loop? _current;

    /// <summary>Runs body(0) … body(count − 1), spread over the team; returns when all have finished and rethrows the first exception.</summary>
    public static void For(int count, Action<int> body)
    {
        if (count <= 1 || Helpers == 0 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        try
        {
            _ = Started.Value;
            var loop = new Loop(body, count);
            Volatile.Write(ref _current, loop);
            Interlocked.Increment(ref _generation);   // a full fence: a helper about to sleep sees the new loop, or we see it asleep
            if (Volatile.Read(ref _sleepers) > 0)
                lock (Gate) Monitor.PulseAll(Gate);
            loop.Work();
            loop.WaitForAll();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static bool StartHelpers()
    {
        for (int i = 0; i < Helpers; i++) new Thread(Serve) { IsBackground = true, Name = $"companion team {i + 1}" }.Start();
        return true;
    }

    private static void Serve()
    {
        long seen = 0;
        while (true)
        {
            long until = System.Diagnostics.Stopwatch.GetTimestamp() + SpinTicks;
            while (Volatile.Read(ref _generation) == seen && System.Diagnostics.Stopwatch.GetTimestamp() < until)
                Thread.Yield(); // spin, but let a ready thread (the JIT's tier-up worker, the GC) have the core
            if (Volatile.Read(ref _generation) == seen)
            {
                lock (Gate)
                {
                    Interlocked.Increment(ref _sleepers);   // a full fence before the generation is read again
                    while (Volatile.Read(ref _generation) == seen) Monitor.Wait(Gate);
                    Interlocked.Decrement(ref _sleepers);
                }
            }
            seen = Volatile.Read(ref _generation);
            Volatile.Read(ref _current)?.Work();
        }
    }

    /// <summary>One parallel loop: the next unclaimed iteration, how many have finished, and the first failure.</summary>
    private sealed class Loop(Action<int> body, int count)
    {
        private int _next = -1, _finished;
        private ExceptionDispatchInfo? _failure;

        public void Work()
        {
            for (int i; (i = Interlocked.Increment(ref _next)) < count;)
            {
                try { body(i); }
                catch (Exception e) { Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null); }
                finally { Interlocked.Increment(ref _finished); }
            }
        }

        public void WaitForAll()
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _finished) < count) spin.SpinOnce(sleep1Threshold: -1);
            _failure?.Throw();
        }
    }
}
