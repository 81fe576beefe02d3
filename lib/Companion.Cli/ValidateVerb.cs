using System.CommandLine;
using System.Globalization;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary><c>validate &lt;notebook&gt;</c>: run a notebook and report each test cell, as a student does before handing in.</summary>
internal static class ValidateVerb
{
    public static Command Create()
    {
        var notebook = new Argument<string>("notebook") { Description = "The notebook to validate" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run", DefaultValueFactory = _ => 60 };
        var command = new Command("validate", "Run a notebook and report each test cell: passed or failed, its message and the points at stake") { notebook, timeout };
        command.SetAction((parse, cancel) => GradingCli.Guarded(async () =>
        {
            string path = parse.GetValue(notebook)!;
            if (!File.Exists(path)) throw new ArgumentException($"{path}: no such notebook");
            var (tests, _) = await Validator.ValidateAsync(path, new RunOptions { CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) }, cancel);
            foreach (var t in tests)
            {
                string line = string.Create(CultureInfo.InvariantCulture, $"{(t.Status == TestStatus.Passed ? "PASS" : "FAIL")}  {t.GradeId}  {t.Points:0.##}/{t.MaxPoints:0.##}");
                if (t.Message is not null) line += $"  {t.Message}";
                if (t.Hint is not null) line += $"  Hint: {t.Hint}";
                Console.WriteLine(line);
            }
            double got = tests.Sum(t => t.Points), max = tests.Sum(t => t.MaxPoints);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tests.Count(t => t.Status == TestStatus.Passed)} of {tests.Count} visible tests passed: {got:0.##} of {max:0.##} points (hidden tests are graded later)"));
            return tests.All(t => t.Status == TestStatus.Passed) ? 0 : 1;
        }));
        return command;
    }
}
