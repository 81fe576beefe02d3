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
    private const int Warmup = 3;

    public static int Run(string[] args)
    {
        string only = Option(args, "--only") ?? "";
        int steps = int.Parse(Option(args, "--steps") ?? "20", CultureInfo.InvariantCulture);
        var ours = TrainingModels.All().Where(w => w.Name.Contains(only, StringComparison.Ordinal))
            .Select(w => (w.Name, Ms: MedianStepMs(w, steps))).ToList();
        using var torch = args.Contains("--no-torch") ? null
            : SystemPython.RunJson("train_torch.py", [Warmup.ToString(CultureInfo.InvariantCulture), steps.ToString(CultureInfo.InvariantCulture)]);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  (median of {steps} steps after {Warmup} warm-up steps)");
        Console.WriteLine($"{"workload",-46} {"ours ms",9} {"torch ms",9} {"ratio",7}");
        foreach (var (name, ms) in ours)
        {
            double? reference = torch?.RootElement.TryGetProperty(name, out var v) == true ? v.GetDouble() : null;
            string torchText = reference is double r ? r.ToString("F2", inv) : "n/a";
            string ratio = reference is double t ? (ms / t).ToString("F2", inv) : "n/a";
            Console.WriteLine($"{name,-46} {ms.ToString("F2", inv),9} {torchText,9} {ratio,7}");
        }
        return 0;
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is int i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static double MedianStepMs(TrainingModels.Workload w, int steps)
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
        return times[times.Count / 2];
    }
}
