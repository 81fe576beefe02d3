using System.Diagnostics;
using CourseCompanion.Benchmarks;
using CourseCompanion.Notebooks.Execution;

// Measure under the settings the notebook worker trains with; the runtime reads them only at start-up, so restart with them.
if (!TrainingProcess.IsConfigured) return Restart(args);

var verbs = new Dictionary<string, Func<string[], int>>
{
    ["gemm"] = GemmBenchmark.Run,
    ["train"] = TrainingBenchmark.Run,
    ["lenet-fashion"] = LeNetFashion.Run,
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine($"usage: CourseCompanion.Benchmarks <{string.Join('|', verbs.Keys)}> [options]");
    return 2;
}
return verb(args[1..]);

static int Restart(string[] args)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!);
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        start.ArgumentList.Add(typeof(TrainingBenchmark).Assembly.Location); // started as `dotnet CourseCompanion.Benchmarks.dll`
    foreach (var a in args) start.ArgumentList.Add(a);
    foreach (var (name, value) in TrainingProcess.Environment) start.Environment[name] = value;
    using var child = Process.Start(start)!;
    child.WaitForExit();
    return child.ExitCode;
}
