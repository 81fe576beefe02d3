using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary>
/// Hidden <c>bench-grading</c> verb: copies an assignment into a temporary course folder (its <c>#r</c> paths made absolute),
/// hands in the solution as N students, and times <c>autograde</c> over them.
/// </summary>
internal static class BenchGradingVerb
{
    public static Command Create()
    {
        var course = GradingCli.Course();
        var assignment = new Option<string>("--assignment") { DefaultValueFactory = _ => "00-sample" };
        var count = new Option<int>("--submissions") { DefaultValueFactory = _ => 50 };
        var parallel = new Option<int>("--parallel") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var sandbox = new Option<SandboxMode>("--sandbox") { DefaultValueFactory = _ => SandboxMode.Auto };
        var command = new Command("bench-grading", "Time autograding N copies of an assignment's solution") { course, assignment, count, parallel, sandbox };
        command.Hidden = true;
        command.SetAction((parse, cancel) => GradingCli.Guarded(async () =>
        {
            var real = CourseFolder.Open(parse.GetValue(course)!);
            string name = parse.GetValue(assignment)!;
            int n = parse.GetValue(count);
            var temp = new CourseFolder(Path.Combine(Path.GetTempPath(), "companion-bench", Guid.NewGuid().ToString("N")[..8]));
            try
            {
                Directory.CreateDirectory(temp.Source(name));
                foreach (var path in real.SourceNotebooks(name))
                {
                    var notebook = Notebook.Load(path);
                    foreach (var cell in notebook.Cells.Where(c => c.IsCode))
                        cell.Source = SubmissionMerge.AbsoluteReferences(cell.Source, Path.GetDirectoryName(path)!);
                    notebook.Save(Path.Combine(temp.Source(name), Path.GetFileName(path)));
                }
                AssignmentRelease.GenerateSolution(temp, name);
                for (int i = 0; i < n; i++)
                {
                    string folder = temp.Submitted($"student{i:000}", name);
                    Directory.CreateDirectory(folder);
                    foreach (var file in Directory.EnumerateFiles(temp.Solution(name))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
                }
                var options = new GradingOptions { Parallelism = parse.GetValue(parallel), Sandbox = parse.GetValue(sandbox) };
                var watch = Stopwatch.StartNew();
                var grades = await new Autograder(temp, options).GradeAsync(name, cancellationToken: cancel);
                var elapsed = watch.Elapsed;
                watch.Restart();
                await new Autograder(temp, options).GradeAsync(name, cancellationToken: cancel);
                var resumed = watch.Elapsed;
                var inv = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Create(inv, $"submissions:            {n} ({Environment.ProcessorCount} cores, {options.Parallelism} at once)"));
                Console.WriteLine($"isolation:              {grades.FirstOrDefault()?.Isolation}");
                Console.WriteLine(string.Create(inv, $"full marks:             {grades.Count(g => g.Total == g.MaxScore)} of {n}"));
                Console.WriteLine(string.Create(inv, $"autograde wall time:    {elapsed.TotalSeconds,8:0.0} s"));
                Console.WriteLine(string.Create(inv, $"per submission:         {elapsed.TotalSeconds / n,8:0.00} s wall, {elapsed.TotalSeconds * options.Parallelism / n:0.00} s of a worker"));
                Console.WriteLine(string.Create(inv, $"re-run (all unchanged): {resumed.TotalSeconds,8:0.00} s"));
                return 0;
            }
            finally
            {
                try { Directory.Delete(temp.Root, recursive: true); } catch (IOException) { }
            }
        }));
        return command;
    }
}
