using System.Globalization;
using System.Net;
using System.Text;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's <c>generate_feedback</c>, reduced to what a student needs: one HTML page per student and assignment with each
/// test's result, message, hint and points, what the grader repaired, and the late penalty. Hidden tests appear by name and
/// points only: their message could give the hidden expectation away.
/// </summary>
public static class Feedback
{
    /// <summary>Writes <c>feedback/&lt;student&gt;/&lt;assignment&gt;/&lt;assignment&gt;.html</c> for each grade; returns the files.</summary>
    public static IReadOnlyList<string> WriteAll(CourseFolder course, IEnumerable<SubmissionGrade> grades)
    {
        var written = new List<string>();
        foreach (var grade in grades)
        {
            string folder = course.Feedback(grade.Student, grade.Assignment);
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, grade.Assignment + ".html");
            Format.AtomicFile.WriteAllText(file, Html(grade));
            written.Add(file);
        }
        return written;
    }

    /// <summary>The feedback page of one grade.</summary>
    public static string Html(SubmissionGrade grade)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{E(grade.Assignment)}: feedback for {E(grade.Student)}</title>
            <style>body{"{"}font-family:sans-serif;max-width:60em;margin:2em auto{"}"} td,th{"{"}padding:.3em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top{"}"}
            .Passed{"{"}color:#1a7f37{"}"} .Partial{"{"}color:#9a6700{"}"} .Failed,.NotRun,.Tampered{"{"}color:#cf222e{"}"}</style></head><body>
            <h1>{E(grade.Assignment)}: {E(grade.Student)}</h1>
            <p>Score: <b>{N(grade.Total)}</b> of {N(grade.MaxScore)}{(grade.LatePenalty > 0 ? $" (tests {N(grade.Score)}, late penalty −{N(grade.LatePenalty)})" : "")}.</p>

            """);
        foreach (var notebook in grade.Notebooks)
        {
            html.Append($"<h2>{E(notebook.Name)}</h2>\n");
            if (notebook.Flags.Count > 0)
                html.Append("<ul class=\"flags\">").Append(string.Concat(notebook.Flags.Select(f => $"<li>{E(f)}</li>"))).Append("</ul>\n");
            html.Append("<table><tr><th>Test</th><th>Result</th><th>Points</th><th>Message</th><th>Hint</th></tr>\n");
            foreach (var t in notebook.Tests)
            {
                string name = t.Hidden ? $"{t.GradeId} (hidden)" : t.GradeId;
                string message = t.Hidden ? "" : t.Message ?? "";
                string hint = t.Hidden ? "" : t.Hint ?? "";
                html.Append($"<tr class=\"test\"><td>{E(name)}</td><td class=\"{t.Status}\">{t.Status}</td><td>{N(t.Points)} / {N(t.MaxPoints)}</td><td>{E(message)}</td><td>{E(hint)}</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append($"<p><small>Graded {grade.GradedAt:yyyy-MM-dd HH:mm} UTC; {E(grade.Isolation)}.</small></p>\n</body></html>\n");
        return html.ToString();
    }
}
