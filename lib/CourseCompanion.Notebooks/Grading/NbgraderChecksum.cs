using System.Security.Cryptography;
using System.Text;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's <c>compute_checksum</c> (nbgrader/utils.py): MD5 over the UTF-8 of the source, the cell type,
/// <c>str(is_grade)</c>, <c>str(is_solution)</c>, <c>str(is_locked)</c>, the grade id and, for grade cells,
/// <c>str(float(points))</c>, so a cell gets the checksum nbgrader would give it.
/// </summary>
public static class NbgraderChecksum
{
    /// <summary>The checksum of <paramref name="cell"/> as it is now; null for a cell without nbgrader metadata.</summary>
    public static string? Compute(NotebookCell cell) =>
        NbgraderCell.Of(cell) is { } m ? Compute(cell.Source, cell.CellType, m) : null;

    /// <summary>The checksum of a cell with this source, type and metadata.</summary>
    public static string Compute(string source, string cellType, NbgraderCell m)
    {
        var text = new StringBuilder()
            .Append(source).Append(cellType)
            .Append(Python(m.Grade)).Append(Python(m.Solution)).Append(Python(m.IsLocked))
            .Append(m.GradeId);
        if (m.Grade) text.Append(PythonFloat.Repr(m.Points));
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Python(bool value) => value ? "True" : "False";
}
