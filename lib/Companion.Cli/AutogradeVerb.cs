using System.CommandLine;
using System.Globalization;
using CourseCompanion.Notebooks.Grading;
using Spectre.Console;

namespace Companion.Cli;

/// <summary><c>autograde &lt;assignment&gt;</c>: grade every submission (or some) in parallel, resuming where a run stopped.</summary>
internal static class AutogradeVerb
{
    public static Command Create()
    {
        var course = GradingCli.Course();
        var assignment = GradingCli.Assignment();
        var students = GradingCli.Students();
        var force = new Option<bool>("--force") { Description = "Re-grade submissions the gradebook already holds unchanged" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one cell may run", DefaultValueFactory = _ => 30 };
        var memory = new Option<int>("--memory-mb") { Description = "GC heap cap of each submission's worker", DefaultValueFactory = _ => 1024 };
        var parallel = new Option<int>("--parallel") { Description = "Submissions graded at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var sandbox = new Option<SandboxMode>("--sandbox") { Description = "auto (bubblewrap when usable), bubblewrap, or none", DefaultValueFactory = _ => SandboxMode.Auto };
        var due = new Option<string?>("--due") { Description = "Due date (ISO 8601); default from course.json" };
        var late = new Option<string?>("--late-penalty") { Description = "none, zero or per-hour:<points>; default from course.json" };
        var command = new Command("autograde", "Grade submissions: restore test and locked cells, run each in an isolated worker, score the tests, keep the results in the gradebook")
            { assignment, course, students, force, timeout, memory, parallel, sandbox, due, late };
        command.SetAction((parse, cancel) => GradingCli.Guarded(async () =>
        {
            var folder = CourseFolder.Open(parse.GetValue(course)!);
            string name = parse.GetValue(assignment)!;
            var options = new GradingOptions
            {
                CellTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                MemoryLimitBytes = (long)parse.GetValue(memory) << 20,
                Parallelism = parse.GetValue(parallel),
                Sandbox = parse.GetValue(sandbox),
                Force = parse.GetValue(force),
                Late = LatePolicy.ForAssignment(folder, name, parse.GetValue(due), parse.GetValue(late)),
            };
            var only = parse.GetValue(students) is { Length: > 0 } s ? s : null;
            var who = only ?? folder.Students(name);
            var grader = new Autograder(folder, options);
            var lines = new List<string>();
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape($"autograde {name}"), maxValue: Math.Max(1, who.Count));
                await grader.GradeAsync(name, who, (grade, reused) =>
                {
                    lock (lines)
                    {
                        lines.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{grade.Student}: {grade.Total:0.##}/{grade.MaxScore:0.##}{(grade.LatePenalty > 0 ? $" (late −{grade.LatePenalty:0.##})" : "")}{(reused ? " (unchanged, kept)" : "")}"));
                        foreach (var flag in grade.Notebooks.SelectMany(n => n.Flags)) lines.Add($"  {grade.Student}: {flag}");
                        bar.Increment(1);
                    }
                }, cancel);
            });
            foreach (var line in lines) Console.WriteLine(line);
            var isolation = grader.Gradebook.All(name).Select(g => g.Isolation).Where(i => i.Length > 0).Distinct();
            foreach (var i in isolation) Console.WriteLine($"isolation: {i}");
            return 0;
        }));
        return command;
    }
}
