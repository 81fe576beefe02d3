using System.CommandLine;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary><c>feedback &lt;assignment&gt;</c>: one HTML page per student from the gradebook.</summary>
internal static class FeedbackVerb
{
    public static Command Create()
    {
        var course = GradingCli.Course();
        var assignment = GradingCli.Assignment();
        var students = GradingCli.Students();
        var command = new Command("feedback", "Write feedback/<student>/<assignment>/<assignment>.html from the gradebook") { assignment, course, students };
        command.SetAction(parse => GradingCli.Guarded(() =>
        {
            var folder = CourseFolder.Open(parse.GetValue(course)!);
            var only = parse.GetValue(students) is { Length: > 0 } s ? s.ToHashSet() : null;
            var grades = new Gradebook(folder.Gradebook).All(parse.GetValue(assignment)).Where(g => only is null || only.Contains(g.Student)).ToList();
            if (grades.Count == 0) throw new GradingException($"the gradebook has no grades for '{parse.GetValue(assignment)}': run autograde first");
            foreach (var file in Feedback.WriteAll(folder, grades)) Console.WriteLine($"wrote {file}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
