using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// A cell's <c>metadata.nbgrader</c> (schema version 3): <c>grade</c> (autograded or manually graded, with <c>points</c>),
/// <c>solution</c> (the student answers here), <c>locked</c> (read-only), <c>task</c>, <c>grade_id</c> (unique in the notebook)
/// and the <c>checksum</c> release stamps.
/// </summary>
public sealed record NbgraderCell(string GradeId, bool Grade, bool Solution, bool Locked, bool Task, double Points, string? Checksum)
{
    /// <summary>The schema version nbgrader 0.9 writes and this reads.</summary>
    public const int SchemaVersion = 3;

    /// <summary>nbgrader's <c>is_locked</c>: solution cells never, grade cells always, others when marked locked.</summary>
    public bool IsLocked => !Solution && (Grade || Locked);

    /// <summary>The nbgrader metadata of <paramref name="cell"/>, or null when it has none (or no grade id).</summary>
    public static NbgraderCell? Of(NotebookCell cell)
    {
        if (cell.Metadata["nbgrader"] is not JsonObject m || m["grade_id"] is not JsonValue id) return null;
        return new NbgraderCell(id.ToString(), Flag(m, "grade"), Flag(m, "solution"), Flag(m, "locked"), Flag(m, "task"),
            m["points"] is JsonValue p && p.TryGetValue(out double points) ? points : 0, (string?)(m["checksum"] as JsonValue));
    }

    /// <summary>True for an autograded test: a code cell that is graded and holds no solution.</summary>
    public static bool IsTest(NotebookCell cell) => cell.IsCode && Of(cell) is { Grade: true, Solution: false };

    /// <summary>Writes this metadata as nbgrader does (with the cell type it was stamped for), keeping other keys of the cell.</summary>
    public void WriteTo(NotebookCell cell)
    {
        var m = new JsonObject
        {
            ["grade"] = Grade,
            ["grade_id"] = GradeId,
            ["locked"] = Locked,
            ["schema_version"] = SchemaVersion,
            ["solution"] = Solution,
            ["task"] = Task,
        };
        if (Grade) m["points"] = Points;
        if (Checksum is not null)
        {
            m["cell_type"] = cell.CellType;
            m["checksum"] = Checksum;
        }
        cell.Metadata["nbgrader"] = m;
    }

    private static bool Flag(JsonObject m, string key) => m[key] is JsonValue v && v.TryGetValue(out bool b) && b;
}
