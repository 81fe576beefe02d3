using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's <c>generate_assignment</c> and <c>generate_solution</c> as a chain of small steps over each source notebook:
/// check metadata, clear solutions, clear hidden tests, clear outputs, lock cells, compute checksums.
/// </summary>
public static class AssignmentRelease
{
    /// <summary>Writes the student version of every notebook of <paramref name="assignment"/> to <c>release/</c>; returns the files written.</summary>
    public static IReadOnlyList<string> Release(CourseFolder course, string assignment)
    {
        var written = new List<string>();
        foreach (var path in course.SourceNotebooks(assignment))
        {
            var notebook = Notebook.Load(path);
            CheckMetadata(notebook);
            foreach (var cell in notebook.Cells)
            {
                ClearSolutions(cell, notebook.SourceName);
                ClearHiddenTests(cell, notebook.SourceName);
                cell.ClearOutputs();
                LockCell(cell);
                StampChecksum(cell);
            }
            written.Add(Save(notebook, course.Release(assignment), path));
        }
        CopyOtherFiles(course.Source(assignment), course.Release(assignment));
        return written;
    }

    /// <summary>Writes the instructor's solution (markers dropped, hidden tests kept, outputs cleared) to <c>solution/</c>.</summary>
    public static IReadOnlyList<string> GenerateSolution(CourseFolder course, string assignment)
    {
        var written = new List<string>();
        foreach (var path in course.SourceNotebooks(assignment))
        {
            var notebook = Notebook.Load(path);
            CheckMetadata(notebook);
            foreach (var cell in notebook.Cells)
            {
                cell.Source = SourceMarkers.StripMarkers(cell.Source);
                cell.ClearOutputs();
            }
            written.Add(Save(notebook, course.Solution(assignment), path));
        }
        CopyOtherFiles(course.Source(assignment), course.Solution(assignment));
        return written;
    }

    /// <summary>nbgrader's CheckCellMetadata: unique grade ids, points on grade cells, no markers in test cells; fills schema_version.</summary>
    public static void CheckMetadata(Notebook notebook)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in notebook.Cells)
        {
            if (NbgraderCell.Of(cell) is not { } m)
            {
                if (cell.Metadata["nbgrader"] is JsonObject) throw new GradingException($"{notebook.SourceName}: cell {cell.Index}: nbgrader metadata without a grade_id");
                continue;
            }
            string where = $"{notebook.SourceName}: cell {cell.Index} ({m.GradeId})";
            if (!seen.Add(m.GradeId)) throw new GradingException($"{where}: duplicate grade_id");
            if (m.Grade && !(m.Points >= 0)) throw new GradingException($"{where}: a grade cell needs points >= 0");
            if (m.Grade && !m.Solution && SourceMarkers.HasSolution(cell.Source)) throw new GradingException($"{where}: a test cell cannot hold a solution region");
            if (!m.Solution && SourceMarkers.HasSolution(cell.Source)) throw new GradingException($"{where}: a solution region in a cell not marked solution");
            if (cell.Metadata["nbgrader"]!["schema_version"] is null) cell.Metadata["nbgrader"]!["schema_version"] = NbgraderCell.SchemaVersion;
        }
    }

    private static void ClearSolutions(NotebookCell cell, string notebook)
    {
        if (NbgraderCell.Of(cell) is not { Solution: true }) return;
        string where = $"{notebook}: cell {cell.Index}";
        cell.Source = SourceMarkers.HasSolution(cell.Source)
            ? SourceMarkers.ClearSolutions(cell.Source, cell.IsCode, where)
            : cell.IsCode ? string.Join("\n", SourceMarkers.CodeStub) : SourceMarkers.TextStub;
    }

    private static void ClearHiddenTests(NotebookCell cell, string notebook) =>
        cell.Source = SourceMarkers.RemoveHiddenTests(cell.Source, $"{notebook}: cell {cell.Index}");

    /// <summary>nbgrader's LockCells: solution and grade cells cannot be deleted; locked and test cells cannot be edited either.</summary>
    private static void LockCell(NotebookCell cell)
    {
        if (NbgraderCell.Of(cell) is not { } m) return;
        if (m.Solution || m.IsLocked) cell.Metadata["deletable"] = false;
        if (m.IsLocked) cell.Metadata["editable"] = false;
    }

    private static void StampChecksum(NotebookCell cell)
    {
        if (NbgraderCell.Of(cell) is not { } m || !(m.Grade || m.Solution || m.IsLocked)) return;
        (m with { Checksum = NbgraderChecksum.Compute(cell.Source, cell.CellType, m) }).WriteTo(cell);
    }

    private static string Save(Notebook notebook, string folder, string sourcePath)
    {
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, Path.GetFileName(sourcePath));
        notebook.Save(target);
        return target;
    }

    private static void CopyOtherFiles(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || relative.Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.'))) continue;
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
