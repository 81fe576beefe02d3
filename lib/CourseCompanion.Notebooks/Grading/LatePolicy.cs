using System.Globalization;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>What lateness costs: nothing, everything, or points per started hour (nbgrader's LateSubmissionPlugin: none, zero, subtract).</summary>
public enum LatePenaltyKind { None, Zero, PerHour }

/// <summary>A due date and a late-penalty rule. Submissions without a timestamp (nbgrader's <c>timestamp.txt</c>) are never late.</summary>
public sealed record LatePolicy(DateTimeOffset? Due, LatePenaltyKind Kind = LatePenaltyKind.None, double PointsPerHour = 0)
{
    public static readonly LatePolicy Never = new(Due: null);

    /// <summary>The penalty for <paramref name="score"/> handed in at <paramref name="submitted"/>, never more than the score.</summary>
    public double Penalty(double score, DateTimeOffset? submitted)
    {
        if (Due is not { } due || submitted is not { } at || at <= due) return 0;
        return Kind switch
        {
            LatePenaltyKind.Zero => score,
            LatePenaltyKind.PerHour => Math.Min(score, Math.Ceiling((at - due).TotalHours) * PointsPerHour),
            _ => 0,
        };
    }

    /// <summary>Parses <c>none</c>, <c>zero</c> or <c>per-hour:&lt;points&gt;</c>.</summary>
    public static (LatePenaltyKind Kind, double PointsPerHour) ParsePenalty(string text)
    {
        if (text == "none") return (LatePenaltyKind.None, 0);
        if (text == "zero") return (LatePenaltyKind.Zero, 0);
        if (text.StartsWith("per-hour:", StringComparison.Ordinal)
            && double.TryParse(text["per-hour:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && p >= 0)
            return (LatePenaltyKind.PerHour, p);
        throw new GradingException($"late penalty '{text}': expected none, zero or per-hour:<points>");
    }

    /// <summary>Parses a due date or timestamp: ISO 8601, or nbgrader's <c>2024-05-01 12:00:00.000000 UTC</c>; without a zone, UTC.</summary>
    public static DateTimeOffset ParseTime(string text)
    {
        string t = text.Trim();
        if (t.EndsWith(" UTC", StringComparison.Ordinal)) t = t[..^4];
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at;
        throw new GradingException($"'{text}' is not a date and time (expected ISO 8601, e.g. 2025-05-01T23:59:00+02:00)");
    }

    /// <summary>The submission's <c>timestamp.txt</c>, or null.</summary>
    public static DateTimeOffset? ReadTimestamp(string submissionFolder)
    {
        string file = Path.Combine(submissionFolder, "timestamp.txt");
        return File.Exists(file) ? ParseTime(File.ReadAllText(file)) : null;
    }

    /// <summary>The policy in the course's <c>course.json</c> (<c>{"late_penalty": "per-hour:1", "assignments": {"a": {"due": "..."}}}</c>), overridden by the arguments.</summary>
    public static LatePolicy ForAssignment(CourseFolder course, string assignment, string? due = null, string? penalty = null)
    {
        string file = Path.Combine(course.Root, "course.json");
        var config = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject : null;
        due ??= (string?)config?["assignments"]?[assignment]?["due"];
        penalty ??= (string?)config?["late_penalty"] ?? "none";
        var (kind, perHour) = ParsePenalty(penalty);
        return new LatePolicy(due is null ? null : ParseTime(due), kind, perHour);
    }
}
