using System.Diagnostics;
using System.Globalization;
using CourseCompanion.Losses;
using CourseCompanion.Optim;

namespace CourseCompanion.Benchmarks;

/// <summary>
/// The <c>train</c> verb: milliseconds per training step (forward, cross-entropy, backward, SGD step) for each workload,
/// beside PyTorch's on the same machine in the same run (train_torch.py, Debian's torch with OpenBLAS), with the ratio.
/// <c>--only TEXT</c> keeps the workloads whose name contains TEXT, <c>--steps N</c> times N steps, and <c>--no-torch</c>
/// skips PyTorch (for profiling one workload under dotnet-trace).
/// </summary>
internal static class TrainingBenchmark
{
    private const int Warmup = 50;

    public static int Run(string[] args)
    {
        string only = Option(args, "--only") ?? "";
        int steps = int.Parse(Option(args, "--steps") ?? "100", CultureInfo.InvariantCulture);
        var ours = TrainingModels.All().Where(w => w.Name.Contains(only, StringComparison.Ordinal))
            .Select(w => (w.Name, Times: StepTimesMs(w, steps))).ToList();
        using var torch = args.Contains("--no-torch") ? null
            : SystemPython.RunJson("train_torch.py", [Warmup.ToString(CultureInfo.InvariantCulture), steps.ToString(CultureInfo.InvariantCulture)]);
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  ({steps} steps after {Warmup} warm-up steps; median and best)");
        Console.WriteLine($"{"workload",-44} {"ours",8} {"torch",8} {"ratio",6}   {"best",8} {"torch",8} {"ratio",6}");
        foreach (var (name, times) in ours)
        {
            var reference = torch is not null && torch.RootElement.TryGetProperty(name, out var v) ? v : (System.Text.Json.JsonElement?)null;
            Console.WriteLine($"{name,-44} {Pair(times[times.Count / 2], reference?.GetProperty("median").GetDouble())}   {Pair(times[0], reference?.GetProperty("best").GetDouble())}");
        }
        return 0;
    }

    private static string Pair(double ours, double? torch) => string.Create(CultureInfo.InvariantCulture,
        $"{ours,8:F2} {(torch is double t ? t.ToString("F2", CultureInfo.InvariantCulture) : "n/a"),8} {(torch is double r ? (ours / r).ToString("F2", CultureInfo.InvariantCulture) : "n/a"),6}");

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    /// <summary>Sorted milliseconds of each timed step.</summary>
    private static List<double> StepTimesMs(TrainingModels.Workload w, int steps)
    {
        var loss = new CrossEntropyLoss();
        var optimizer = new Sgd(w.Model.Parameters(), lr: 0.01);
        var times = new List<double>();
        for (int i = 0; i < Warmup + steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            optimizer.ZeroGrad();
            loss.Forward(w.Model.Forward(w.Input), w.Labels).Backward();
            optimizer.Step();
            if (i >= Warmup) times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return times;
    }
}
