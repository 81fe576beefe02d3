using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// Runs a notebook's code cells in order in a fresh <see cref="NotebookWorker"/> and stores their outputs in the cells, as Jupyter would:
/// execution counts 1..n, stream text merged, display updates applied to the display they target. A failing cell stops the run
/// (nbclient's rule) unless it is tagged <c>raises-exception</c>; a timeout or a dead worker stops it too. Cells after the stop are cleared.
/// </summary>
public sealed class NotebookRunner(RunOptions options)
{
    /// <summary>The tag (nbclient convention) that lets a cell end in an error on purpose.</summary>
    public const string RaisesExceptionTag = "raises-exception";

    /// <summary>Runs <paramref name="notebook"/>, replacing its outputs; <paramref name="cellFinished"/> is told after each code cell.</summary>
    public async Task<NotebookRun> RunAsync(Notebook notebook, Action<NotebookCell>? cellFinished = null, CancellationToken cancellationToken = default)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebook.SourceName))!;
        var deadline = DateTime.UtcNow + options.NotebookTimeout;
        var executed = new List<int>();
        var failures = new List<CellFailure>();
        var displays = new Dictionary<string, JsonObject>();
        int executionCount = 0;
        bool stopped = false;
        await using var worker = await NotebookWorker.StartAsync(new WorkerOptions(folder, options.MemoryLimitBytes, options.WorkerAssembly)
        {
            Wrapper = options.WorkerWrapper,
            Environment = options.WorkerEnvironment,
        }, cancellationToken);
        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            if (stopped || IsSkipped(cell))
            {
                if (stopped) cell.ClearOutputs();
                continue;
            }
            cell.ClearOutputs();
            cell.ExecutionCount = ++executionCount;
            executed.Add(cell.Index);
            var remaining = deadline - DateTime.UtcNow;
            bool notebookLimit = remaining < options.CellTimeout;
            var budget = new OutputBudget(options.MaxOutputLines);
            var run = await worker.ExecuteAsync(cell.Source, cell.KernelName, executionCount, e => Store(e, cell, displays, budget),
                notebookLimit ? (remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero) : options.CellTimeout, cancellationToken);
            if (run.Status is CellStatus.TimedOut or CellStatus.WorkerLost)
            {
                string message = run.Status == CellStatus.TimedOut && notebookLimit
                    ? $"the notebook exceeded its time limit of {options.NotebookTimeout.TotalSeconds:0.#} s; the worker was stopped"
                    : run.Error!;
                cell.Outputs.Add(new JsonObject
                {
                    ["ename"] = run.Status == CellStatus.TimedOut ? "CellTimeout" : "WorkerLost",
                    ["evalue"] = message,
                    ["output_type"] = "error",
                    ["traceback"] = new JsonArray(message, "the run stopped here; later cells were not executed"),
                });
                failures.Add(new CellFailure(cell.Index, cell.Id, message));
                stopped = true;
            }
            else if (run.Status == CellStatus.Failed && !cell.Tags.Contains(RaisesExceptionTag))
            {
                failures.Add(new CellFailure(cell.Index, cell.Id, run.Error ?? "error"));
                stopped = !options.ContinueAfterErrors;
            }
            cellFinished?.Invoke(cell);
        }
        return new NotebookRun(executed, failures);
    }

    /// <summary>Cells nbclient would not execute (blank) and cells of the markdown kernel.</summary>
    private static bool IsSkipped(NotebookCell cell)
    {
        if (string.IsNullOrWhiteSpace(cell.Source)) return true;
        try { return CellMagics.Parse(cell.Source, cell.KernelName).Kernel == "markdown"; }
        catch (CellMagicException) { return false; }
    }

    private static void Store(CellEvent cellEvent, NotebookCell cell, Dictionary<string, JsonObject> displays, OutputBudget budget)
    {
        if (!budget.Admit(cellEvent, cell)) return;
        switch (cellEvent)
        {
            case OutputProduced { Output: var output } when (string?)output["output_type"] == "stream"
                && cell.Outputs.LastOrDefault() is JsonObject last && (string?)last["output_type"] == "stream"
                && (string?)last["name"] == (string?)output["name"]:
                last["text"] = (string)last["text"]! + (string)output["text"]!;
                break;
            case OutputProduced produced:
                cell.Outputs.Add(produced.Output);
                if (produced.DisplayId is { } id) displays[id] = produced.Output;
                break;
            case DisplayUpdated updated when displays.TryGetValue(updated.DisplayId, out var target):
                target["data"] = updated.Output["data"]!.DeepClone();
                target["metadata"] = updated.Output["metadata"]!.DeepClone();
                break;
        }
    }

    /// <summary>Counts a cell's output lines against a limit; the output that crosses it is cut and a note says so (nbgrader's LimitOutput).</summary>
    private sealed class OutputBudget(int? maxLines)
    {
        private int _lines;
        private bool _exhausted;

        public bool Admit(CellEvent cellEvent, NotebookCell cell)
        {
            if (maxLines is not int max || cellEvent is not OutputProduced { Output: var output }) return true;
            if ((string?)output["output_type"] == "error") return true;
            if (_exhausted) return false;
            string text = (string?)output["text"] ?? (string?)output["data"]?["text/plain"] ?? "";
            int lines = Math.Max(1, text.Count(c => c == '\n'));
            if (_lines + lines <= max)
            {
                _lines += lines;
                return true;
            }
            _exhausted = true;
            if ((string?)output["output_type"] == "stream")
            {
                int keep = max - _lines, cut = 0;
                for (int i = 0; i < keep; i++) cut = text.IndexOf('\n', cut) + 1;
                output["text"] = text[..cut];
                Store(cellEvent, cell);
            }
            cell.Outputs.Add(new JsonObject
            {
                ["name"] = "stderr",
                ["output_type"] = "stream",
                ["text"] = $"... output truncated: a cell may print {max} lines\n",
            });
            return false;
        }

        private static void Store(CellEvent cellEvent, NotebookCell cell)
        {
            var output = ((OutputProduced)cellEvent).Output;
            if (cell.Outputs.LastOrDefault() is JsonObject last && (string?)last["output_type"] == "stream" && (string?)last["name"] == (string?)output["name"])
                last["text"] = (string)last["text"]! + (string)output["text"]!;
            else cell.Outputs.Add(output);
        }
    }
}
