using System.CommandLine;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Format;
using Spectre.Console;

namespace Companion.Cli;

/// <summary>The <c>run</c>, <c>check</c> and <c>clear</c> verbs: argument parsing and reporting over CourseCompanion.Notebooks.</summary>
internal static class NotebookVerbs
{
    private static Argument<string[]> Paths() => new("paths")
    {
        Description = "Notebooks or folders (searched recursively for *.ipynb)",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<double> CellTimeout() => new("--timeout")
    {
        Description = "Seconds one cell may run before its worker is stopped",
        DefaultValueFactory = _ => new RunOptions().CellTimeout.TotalSeconds,
    };

    private static Option<double> NotebookTimeout() => new("--notebook-timeout")
    {
        Description = "Seconds one notebook may run",
        DefaultValueFactory = _ => new RunOptions().NotebookTimeout.TotalSeconds,
    };

    public static Command Run()
    {
        var paths = Paths();
        var timeout = CellTimeout();
        var notebookTimeout = NotebookTimeout();
        var outDir = new Option<string?>("--out") { Description = "Write executed notebooks to this folder instead of in place" };
        var command = new Command("run", "Execute notebooks and store their outputs (in place, or under --out)") { paths, timeout, notebookTimeout, outDir };
        command.SetAction((parse, cancel) => Guarded(async () =>
        {
            var options = Options(parse.GetValue(timeout), parse.GetValue(notebookTimeout));
            string? output = parse.GetValue(outDir);
            int failed = 0;
            await ForEachNotebook(parse.GetValue(paths)!, async (path, notebook, progress) =>
            {
                var run = await new NotebookRunner(options).RunAsync(notebook, _ => progress.Increment(1), cancel);
                PolyglotMetadata.Apply(notebook);
                string target = output is null ? path : Path.Combine(output, Path.GetFileName(path));
                notebook.Save(target);
                failed += Report(path, run);
            }, () => failed++);
            return failed == 0 ? 0 : 1;
        }));
        return command;
    }

    public static Command Check()
    {
        var paths = Paths();
        var timeout = CellTimeout();
        var notebookTimeout = NotebookTimeout();
        var strict = new Option<bool>("--strict") { Description = "Also fail when a cell's stored text output differs from a fresh run" };
        var command = new Command("check", "Execute notebooks without writing; report failures and stale outputs") { paths, timeout, notebookTimeout, strict };
        command.SetAction((parse, cancel) => Guarded(async () =>
        {
            var options = Options(parse.GetValue(timeout), parse.GetValue(notebookTimeout));
            int failed = 0, stale = 0;
            await ForEachNotebook(parse.GetValue(paths)!, async (path, notebook, progress) =>
            {
                var stored = notebook.Cells.ToDictionary(c => c.Index, OutputText.Of);
                var run = await new NotebookRunner(options).RunAsync(notebook, _ => progress.Increment(1), cancel);
                failed += Report(path, run);
                foreach (int index in run.ExecutedCells.Where(i => OutputText.Of(notebook.Cells[i]) != stored[i]))
                {
                    stale++;
                    Console.Out.WriteLine($"{path}: cell {index}: stale output (stored text differs from a fresh run)");
                }
            }, () => failed++);
            bool strictFailure = parse.GetValue(strict) && stale > 0;
            return failed == 0 && !strictFailure ? 0 : 1;
        }));
        return command;
    }

    public static Command Clear()
    {
        var paths = Paths();
        var command = new Command("clear", "Strip outputs and execution counts") { paths };
        command.SetAction(parse => Guarded(() =>
        {
            foreach (var path in NotebookFiles.Find(parse.GetValue(paths)!))
            {
                var notebook = Notebook.Load(path);
                foreach (var cell in notebook.Cells) cell.ClearOutputs();
                notebook.Save(path);
                Console.WriteLine($"cleared {path}");
            }
            return Task.FromResult(0);
        }));
        return command;
    }

    private static RunOptions Options(double cellSeconds, double notebookSeconds)
    {
        if (cellSeconds <= 0) throw new ArgumentException($"--timeout must be positive (got {cellSeconds})");
        if (notebookSeconds <= 0) throw new ArgumentException($"--notebook-timeout must be positive (got {notebookSeconds})");
        return new RunOptions { CellTimeout = TimeSpan.FromSeconds(cellSeconds), NotebookTimeout = TimeSpan.FromSeconds(notebookSeconds) };
    }

    /// <summary>Loads each notebook and runs <paramref name="work"/> under a progress bar; a notebook that cannot be loaded is reported and skipped.</summary>
    private static async Task ForEachNotebook(string[] paths, Func<string, Notebook, ProgressTask, Task> work, Action loadFailed)
    {
        var files = NotebookFiles.Find(paths);
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            foreach (var path in files)
            {
                Notebook notebook;
                try { notebook = Notebook.Load(path); }
                catch (NotebookFormatException e)
                {
                    Console.Error.WriteLine(e.Message);
                    loadFailed();
                    continue;
                }
                var task = context.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: Math.Max(1, notebook.Cells.Count(c => c.IsCode)));
                await work(path, notebook, task);
                task.Value = task.MaxValue;
            }
        });
    }

    private static int Report(string path, NotebookRun run)
    {
        foreach (var failure in run.Failures)
            Console.Error.WriteLine($"{path}: cell {failure.CellIndex}: {failure.Error}");
        if (run.Passed) Console.Out.WriteLine($"{path}: {run.ExecutedCells.Count} cells ran");
        return run.Passed ? 0 : 1;
    }

    /// <summary>Turns an expected failure (bad path, bad argument, unreadable notebook) into one line on stderr and exit code 2.</summary>
    private static async Task<int> Guarded(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (Exception e) when (e is ArgumentException or NotebookFormatException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"companion: {e.Message}");
            return 2;
        }
    }
}
