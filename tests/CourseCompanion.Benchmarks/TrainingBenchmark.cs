using System.Diagnostics;
using System.Globalization;
using CourseCompanion.Losses;
using CourseCompanion.Optim;

namespace CourseCompanion.Benchmarks;

/// <summary>
/// The <c>train</c> verb: milliseconds per training step (forward, cross-entropy, backward, SGD step) for each workload,
/// beside PyTorch's on the same machine in the same run (train_torch.py, Debian's torch with OpenBLAS), with the ratio.
/// </summary>
internal static class TrainingBenchmark
{
    private const int Warmup = 3, Steps = 20;

    public static int Run(string[] args)
    {
        var ours = TrainingModels.All().Select(w => (w.Name, Ms: MedianStepMs(w))).ToList();
        using var torch = SystemPython.RunJson("train_torch.py", [Warmup.ToString(CultureInfo.InvariantCulture), Steps.ToString(CultureInfo.InvariantCulture)]);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}  (median of {Steps} steps after {Warmup} warm-up steps)");
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

    private static double MedianStepMs(TrainingModels.Workload w)
    {
        var loss = new CrossEntropyLoss();
        var optimizer = new Sgd(w.Model.Parameters(), lr: 0.01);
        var times = new List<double>();
        for (int i = 0; i < Warmup + Steps; i++)
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
