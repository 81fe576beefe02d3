using System.CommandLine;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary><c>gradebook export</c>: the grades as CSV (student, assignment, per-test points, group subtotals, score, late penalty, total).</summary>
internal static class GradebookVerb
{
    public static Command Create()
    {
        var course = GradingCli.Course();
        var assignment = new Option<string?>("--assignment") { Description = "Only this assignment" };
        var output = new Option<string?>("--out") { Description = "Write the CSV to this file instead of stdout" };
        var export = new Command("export", "Export the gradebook as CSV") { course, assignment, output };
        export.SetAction(parse => GradingCli.Guarded(() =>
        {
            var folder = CourseFolder.Open(parse.GetValue(course)!);
            string csv = new Gradebook(folder.Gradebook).ExportCsv(parse.GetValue(assignment));
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.WriteAllText(file, csv);
                Console.WriteLine($"wrote {file}");
            }
            else Console.Write(csv);
            return Task.FromResult(0);
        }));
        return new Command("gradebook", "The file-based gradebook (gradebook/<assignment>/<student>.json)") { export };
    }
}
