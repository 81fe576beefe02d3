using System.CommandLine;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary><c>generate-solution &lt;assignment&gt;</c>: the instructor's solution to solution/.</summary>
internal static class GenerateSolutionVerb
{
    public static Command Create()
    {
        var course = GradingCli.Course();
        var assignment = GradingCli.Assignment();
        var command = new Command("generate-solution", "Write the solution of an assignment to solution/ (markers dropped, hidden tests kept, outputs cleared)") { assignment, course };
        command.SetAction(parse => GradingCli.Guarded(() =>
        {
            foreach (var file in AssignmentRelease.GenerateSolution(CourseFolder.Open(parse.GetValue(course)!), parse.GetValue(assignment)!))
                Console.WriteLine($"wrote {file}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
