using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Grading;

namespace CourseCompanion.Notebooks.Tests.Grading;

/// <summary>
/// A temporary course folder holding the committed sample assignment (notebooks/exercises/source/00-sample) and its course.json,
/// with the notebook's <c>#r</c> pointed at the CourseCompanion.dll beside the tests; and ways to write fake students' hand-ins.
/// </summary>
internal static class SampleCourse
{
    public const string Assignment = "00-sample";
    public const string Notebook = "sample.ipynb";

    public static CourseFolder Create()
    {
        string repoCourse = RepositoryCourse();
        var course = new CourseFolder(Fixture.NewFolder());
        Directory.CreateDirectory(course.Source(Assignment));
        File.Copy(Path.Combine(repoCourse, "course.json"), Path.Combine(course.Root, "course.json"));
        var source = Format.Notebook.Load(Path.Combine(repoCourse, "source", Assignment, Notebook));
        string library = Path.Combine(AppContext.BaseDirectory, "CourseCompanion.dll");
        foreach (var cell in source.Cells.Where(c => c.IsCode))
            cell.Source = cell.Source.Replace("../../../../build/CourseCompanion/CourseCompanion.dll", library);
        source.Save(Path.Combine(course.Source(Assignment), Notebook));
        return course;
    }

    /// <summary>The release notebook as JSON, to edit into a hand-in.</summary>
    public static JsonObject Released(CourseFolder course) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(course.Release(Assignment), Notebook)))!.AsObject();

    public static JsonArray Cells(JsonObject notebook) => notebook["cells"]!.AsArray();

    public static JsonObject Cell(JsonObject notebook, string gradeId) =>
        Cells(notebook).OfType<JsonObject>().Single(c => (string?)c["metadata"]?["nbgrader"]?["grade_id"] == gradeId);

    public static void SetSource(JsonObject notebook, string gradeId, string source) => Cell(notebook, gradeId)["source"] = source;

    /// <summary>Inserts a student's own code cell (no nbgrader metadata) before the cell with <paramref name="beforeGradeId"/>.</summary>
    public static void InsertCode(JsonObject notebook, string beforeGradeId, string source)
    {
        var cells = Cells(notebook);
        int at = cells.IndexOf(Cell(notebook, beforeGradeId));
        cells.Insert(at, new JsonObject
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["id"] = Guid.NewGuid().ToString("N")[..8],
            ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = source,
        });
    }

    public static void HandIn(CourseFolder course, string student, JsonObject notebook, string? timestamp = null) =>
        HandInText(course, student, notebook.ToJsonString(), timestamp);

    public static void HandInText(CourseFolder course, string student, string text, string? timestamp = null, string name = Notebook)
    {
        string folder = course.Submitted(student, Assignment);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), text);
        if (timestamp is not null) File.WriteAllText(Path.Combine(folder, "timestamp.txt"), timestamp);
    }

    private static string RepositoryCourse()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "notebooks", "exercises");
            if (Directory.Exists(Path.Combine(candidate, "source", Assignment))) return candidate;
        }
        throw new InvalidOperationException("notebooks/exercises/source/00-sample not found above the test folder");
    }
}
