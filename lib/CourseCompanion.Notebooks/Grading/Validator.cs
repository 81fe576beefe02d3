using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's <c>validate</c>: what a student runs before handing in. Runs the notebook where it is (without saving it), going on
/// after failing cells, and scores its visible test cells as the autograder would. Hidden tests are not in the student's copy.
/// </summary>
public static class Validator
{
    /// <summary>The visible tests' results and the run.</summary>
    public static async Task<(IReadOnlyList<TestResult> Tests, NotebookRun Run)> ValidateAsync(string path, RunOptions options, CancellationToken cancellationToken = default)
    {
        var notebook = Notebook.Load(path);
        var run = await new NotebookRunner(options with { ContinueAfterErrors = true, MaxOutputLines = options.MaxOutputLines ?? 1000 })
            .RunAsync(notebook, cancellationToken: cancellationToken);
        var executed = run.ExecutedCells.ToHashSet();
        var stop = run.Failures.FirstOrDefault(f => notebook.Cells[f.CellIndex].Outputs.OfType<System.Text.Json.Nodes.JsonObject>()
            .Any(o => (string?)o["ename"] is "CellTimeout" or "WorkerLost"));
        string? reason = stop is null ? null : $"not run: the notebook stopped at cell {stop.CellIndex}: {stop.Error}";
        var tests = notebook.Cells.Where(NbgraderCell.IsTest)
            .Select(c => TestScoring.Score(c, executed.Contains(c.Index) && c.ExecutionCount is not null, reason, hidden: false)).ToList();
        return (tests, run);
    }
}
