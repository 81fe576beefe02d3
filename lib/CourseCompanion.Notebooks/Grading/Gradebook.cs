using System.Globalization;
using System.Text;
using System.Text.Json;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// The grades, one JSON file per assignment and student (<c>gradebook/&lt;assignment&gt;/&lt;student&gt;.json</c>), each written atomically:
/// re-grading one student rewrites one file, and a run that was interrupted keeps what it finished.
/// </summary>
public sealed class Gradebook(string folder)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public string Folder { get; } = folder;

    public SubmissionGrade? Load(string assignment, string student)
    {
        string file = FileOf(assignment, student);
        if (!File.Exists(file)) return null;
        try { return JsonSerializer.Deserialize<SubmissionGrade>(File.ReadAllText(file), Json); }
        catch (JsonException) { return null; }
    }

    public void Save(SubmissionGrade grade)
    {
        Directory.CreateDirectory(Path.Combine(Folder, grade.Assignment));
        AtomicFile.WriteAllText(FileOf(grade.Assignment, grade.Student), JsonSerializer.Serialize(grade, Json) + "\n");
    }

    /// <summary>Every grade (of one assignment, or all), by assignment then student.</summary>
    public IReadOnlyList<SubmissionGrade> All(string? assignment = null)
    {
        if (!Directory.Exists(Folder)) return [];
        IEnumerable<string> folders = assignment is null ? Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal) : [Path.Combine(Folder, assignment)];
        return folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.json").Order(StringComparer.Ordinal))
            .Select(f => Load(Path.GetFileName(Path.GetDirectoryName(f))!, Path.GetFileNameWithoutExtension(f)))
            .OfType<SubmissionGrade>().ToList();
    }

    /// <summary>
    /// CSV with one row per student and assignment: <c>student, assignment</c>, the points of each test (the union over the rows),
    /// each group's subtotal (<c>group:&lt;name&gt;</c>), then <c>score, max_score, late_penalty, total</c>.
    /// </summary>
    public string ExportCsv(string? assignment = null)
    {
        var grades = All(assignment);
        var tests = grades.SelectMany(g => g.AllTests().Select(t => t.Name)).Distinct().ToList();
        var groups = grades.SelectMany(g => g.AllTests().Select(t => t.Test.Group)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", new[] { "student", "assignment" }.Concat(tests).Concat(groups.Select(g => "group:" + g))
            .Concat(["score", "max_score", "late_penalty", "total"]).Select(Quote)));
        foreach (var g in grades)
        {
            var points = g.AllTests().ToDictionary(t => t.Name, t => t.Test.Points);
            var row = new List<string> { g.Student, g.Assignment };
            row.AddRange(tests.Select(t => points.TryGetValue(t, out double p) ? Number(p) : ""));
            row.AddRange(groups.Select(gr => Number(g.AllTests().Where(t => t.Test.Group == gr).Sum(t => t.Test.Points))));
            row.AddRange([Number(g.Score), Number(g.MaxScore), Number(g.LatePenalty), Number(g.Total)]);
            csv.AppendLine(string.Join(",", row.Select(Quote)));
        }
        return csv.ToString();
    }

    private string FileOf(string assignment, string student) => Path.Combine(Folder, assignment, student + ".json");

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
