using System.CommandLine;
using System.Diagnostics;
using CourseCompanion.Notebooks.Execution;

namespace Companion.Cli;

/// <summary>Hidden <c>bench-executor</c> verb: prints worker start-up plus first-cell time and the per-cell overhead of a trivial cell.</summary>
internal static class BenchExecutorVerb
{
    public static Command Create()
    {
        var cells = new Option<int>("--cells") { Description = "Trivial cells to time", DefaultValueFactory = _ => 200 };
        var command = new Command("bench-executor", "Measure notebook worker start-up and per-cell overhead") { cells };
        command.Hidden = true;
        command.SetAction(async (parse, cancel) =>
        {
            int count = parse.GetValue(cells);
            var timeout = TimeSpan.FromSeconds(60);
            var watch = Stopwatch.StartNew();
            await using var worker = await NotebookWorker.StartAsync(new WorkerOptions(Path.GetTempPath()), cancel);
            var started = watch.Elapsed;
            await worker.ExecuteAsync("var x = 1;", null, 1, _ => { }, timeout, cancel);
            var firstCell = watch.Elapsed;
            watch.Restart();
            for (int i = 0; i < count; i++) await worker.ExecuteAsync("x += 1;", null, i + 2, _ => { }, timeout, cancel);
            var perCell = watch.Elapsed / count;
            Console.WriteLine($"worker start (ready):          {started.TotalMilliseconds,8:0} ms");
            Console.WriteLine($"worker start + first cell:     {firstCell.TotalMilliseconds,8:0} ms   (target < 2000 ms)");
            Console.WriteLine($"trivial cell, mean of {count,4}:    {perCell.TotalMilliseconds,8:0.0} ms   (target < 50 ms)");
            return 0;
        });
        return command;
    }
}
