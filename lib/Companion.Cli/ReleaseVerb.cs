using System.CommandLine;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary><c>release &lt;assignment&gt;</c>: nbgrader's generate_assignment, source/ to release/.</summary>
internal static class ReleaseVerb
{
    public static Command Create()
    {
        var course = GradingCli.Course();
        var assignment = GradingCli.Assignment();
        var command = new Command("release", "Write the student version of an assignment to release/ (solutions stubbed, hidden tests removed, outputs cleared, cells locked, checksums stamped)") { assignment, course };
        command.SetAction(parse => GradingCli.Guarded(() =>
        {
            foreach (var file in AssignmentRelease.Release(CourseFolder.Open(parse.GetValue(course)!), parse.GetValue(assignment)!))
                Console.WriteLine($"released {file}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
