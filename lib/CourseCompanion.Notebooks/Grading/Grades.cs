using System.Text.Json.Serialization;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>How a test cell ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    /// <summary>Ran without an error: full points.</summary>
    Passed,
    /// <summary>Ran and its last value gave part of the points.</summary>
    Partial,
    /// <summary>Raised an error: zero.</summary>
    Failed,
    /// <summary>Never ran (the worker stopped or exited before it, or the notebook could not be graded): zero.</summary>
    NotRun,
    /// <summary>The submission redefined a name this test takes from the library (a faked assertion): zero.</summary>
    Tampered,
}

/// <summary>One autograded test cell: its grade id, group (a <c>group:&lt;name&gt;</c> tag), points, status, and the error message and hint.</summary>
public sealed record TestResult(string GradeId, string? Group, double Points, double MaxPoints, TestStatus Status, string? Message, string? Hint, bool Hidden);

/// <summary>The grade of one notebook of a submission, with what the grader noticed (restored cells, changed checksums, ...).</summary>
public sealed record NotebookGrade(string Name, IReadOnlyList<TestResult> Tests, IReadOnlyList<string> Flags);

/// <summary>One student's graded submission of one assignment, as the gradebook keeps it.</summary>
public sealed record SubmissionGrade(
    string Student,
    string Assignment,
    DateTimeOffset? Timestamp,
    string SubmissionHash,
    string Isolation,
    IReadOnlyList<NotebookGrade> Notebooks,
    double LatePenalty,
    DateTimeOffset GradedAt)
{
    /// <summary>Points from the tests, before the late penalty.</summary>
    public double Score => Notebooks.Sum(n => n.Tests.Sum(t => t.Points));

    /// <summary>Points available.</summary>
    public double MaxScore => Notebooks.Sum(n => n.Tests.Sum(t => t.MaxPoints));

    /// <summary>Score after the late penalty, never below zero.</summary>
    public double Total => Math.Max(0, Score - LatePenalty);

    /// <summary>Every test, named <c>&lt;notebook&gt;/&lt;grade_id&gt;</c> when the assignment has several notebooks.</summary>
    public IEnumerable<(string Name, TestResult Test)> AllTests() => Notebooks.SelectMany(n =>
        n.Tests.Select(t => (Notebooks.Count > 1 ? $"{Path.GetFileNameWithoutExtension(n.Name)}/{t.GradeId}" : t.GradeId, t)));
}
