using System.CommandLine;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace Companion.Cli;

/// <summary>Options and error handling the grading verbs share.</summary>
internal static class GradingCli
{
    public static Option<string> Course() => new("--course")
    {
        Description = "The nbgrader-style course folder (source/, release/, submitted/, ...)",
        DefaultValueFactory = _ => Directory.Exists(Path.Combine("notebooks", "exercises", "source")) ? Path.Combine("notebooks", "exercises") : ".",
    };

    public static Argument<string> Assignment() => new("assignment") { Description = "The assignment (a folder under source/)" };

    public static Option<string[]> Students() => new("--student") { Description = "Only these students (repeatable)", AllowMultipleArgumentsPerToken = true };

    /// <summary>Turns an expected failure into one line on stderr and exit code 2.</summary>
    public static async Task<int> Guarded(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (Exception e) when (e is GradingException or ArgumentException or NotebookFormatException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"companion: {e.Message}");
            return 2;
        }
    }
}
