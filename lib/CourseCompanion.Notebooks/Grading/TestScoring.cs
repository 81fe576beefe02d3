using System.Globalization;
using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's <c>determine_grade</c> for code test cells: an error output scores zero; otherwise a last value (<c>execute_result</c>)
/// that reads as a number gives that many points, clamped to [0, points] (partial credit); anything else gives full points.
/// A cell that did not run scores zero (nbgrader would count an empty output as a pass: a submission that exits early must not).
/// </summary>
public static class TestScoring
{
    /// <summary>The tag prefix that puts a test cell in a weighted group (<c>group:softmax</c>).</summary>
    public const string GroupTagPrefix = "group:";

    /// <summary>Scores a test cell after a run; <paramref name="ran"/> says whether the runner executed it.</summary>
    public static TestResult Score(NotebookCell cell, bool ran, string? notRunReason, bool hidden)
    {
        var m = NbgraderCell.Of(cell)!;
        string? group = cell.Tags.FirstOrDefault(t => t.StartsWith(GroupTagPrefix, StringComparison.Ordinal))?[GroupTagPrefix.Length..];
        if (!ran) return new TestResult(m.GradeId, group, 0, m.Points, TestStatus.NotRun, notRunReason ?? "the cell did not run", null, hidden);
        foreach (var output in cell.Outputs.OfType<JsonObject>())
        {
            if ((string?)output["output_type"] == "error")
            {
                string message = $"{output["ename"]}: {output["evalue"]}".Trim();
                int at = message.IndexOf(" Hint: ", StringComparison.Ordinal);
                return at < 0
                    ? new TestResult(m.GradeId, group, 0, m.Points, TestStatus.Failed, message, null, hidden)
                    : new TestResult(m.GradeId, group, 0, m.Points, TestStatus.Failed, message[..at], message[(at + 7)..], hidden);
            }
        }
        var result = cell.Outputs.OfType<JsonObject>().FirstOrDefault(o => (string?)o["output_type"] == "execute_result");
        if (result?["data"]?["text/plain"] is JsonValue text
            && double.TryParse(text.ToString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double partial) && double.IsFinite(partial))
        {
            double points = Math.Clamp(partial, 0, m.Points);
            return new TestResult(m.GradeId, group, points, m.Points, points == m.Points ? TestStatus.Passed : TestStatus.Partial,
                points == m.Points ? null : string.Create(CultureInfo.InvariantCulture, $"partial credit: {points:0.###} of {m.Points:0.###}"), null, hidden);
        }
        return new TestResult(m.GradeId, group, m.Points, m.Points, TestStatus.Passed, null, null, hidden);
    }
}
