using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's OverwriteCells and restoring of hidden tests, as one step: the notebook that is graded keeps the student's solution
/// cells and own cells in the student's order, and takes every locked and test cell from the source (hidden tests included),
/// re-inserting deleted ones where the source has them. What it had to repair is reported as flags.
/// </summary>
public static partial class SubmissionMerge
{
    /// <summary>The notebook to grade and the flags; <paramref name="path"/> is where the graded copy will live.</summary>
    public static (Notebook Graded, IReadOnlyList<string> Flags, IReadOnlySet<string> HiddenTests) Merge(Notebook source, Notebook submitted, string path)
    {
        var flags = new List<string>();
        var sourceCells = source.Cells.Select(c => (Cell: c, Meta: NbgraderCell.Of(c))).ToList();
        var bySourceId = sourceCells.Where(c => c.Meta is not null).ToDictionary(c => c.Meta!.GradeId, c => c, StringComparer.Ordinal);
        var hidden = sourceCells.Where(c => c.Meta is not null && SourceMarkers.HasHiddenTests(c.Cell.Source)).Select(c => c.Meta!.GradeId).ToHashSet();
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var cells = new JsonArray();
        int nextSource = 0;
        int matched = 0;

        void EmitSourceUpTo(int index)
        {
            for (; nextSource < index; nextSource++)
            {
                var (cell, meta) = sourceCells[nextSource];
                if (meta is null || emitted.Contains(meta.GradeId)) continue;
                emitted.Add(meta.GradeId);
                flags.Add($"cell '{meta.GradeId}' ({Kind(meta)}) was missing and has been restored from the source");
                cells.Add(meta.Solution ? StudentStub(cell) : Restored(cell));
            }
        }

        foreach (var cell in submitted.Cells)
        {
            var meta = NbgraderCell.Of(cell);
            if (meta is null || !bySourceId.TryGetValue(meta.GradeId, out var original))
            {
                if (meta is not null) flags.Add($"cell {cell.Index} carries the unknown grade id '{meta.GradeId}' (renamed?); it ran as an ordinary student cell");
                var own = Clone(cell);
                own["metadata"]!.AsObject().Remove("nbgrader");
                cells.Add(own);
                continue;
            }
            if (!emitted.Add(meta.GradeId))
            {
                flags.Add($"grade id '{meta.GradeId}' appears more than once; cell {cell.Index} was ignored");
                continue;
            }
            matched++;
            EmitSourceUpTo(original.Cell.Index);
            nextSource = Math.Max(nextSource, original.Cell.Index + 1);
            var sourceMeta = original.Meta!;
            if (sourceMeta.Solution)
            {
                var answer = Clone(cell);
                answer["metadata"]!["nbgrader"] = original.Cell.Metadata["nbgrader"]!.DeepClone();
                answer["cell_type"] = original.Cell.CellType;
                cells.Add(answer);
            }
            else
            {
                if (Changed(cell, original.Cell, sourceMeta))
                    flags.Add($"cell '{meta.GradeId}' ({Kind(sourceMeta)}) was changed (its checksum differs); the source version was graded");
                cells.Add(Restored(original.Cell));
            }
        }
        EmitSourceUpTo(sourceCells.Count);
        if (matched == 0 && bySourceId.Count > 0)
            flags.Add("no cell of this assignment was found: is this a notebook of another assignment?");

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = source.Metadata.DeepClone(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var graded = Notebook.Parse(root.ToJsonString(), path);
        foreach (var cell in graded.Cells.Where(c => c.IsCode))
            cell.Source = AbsoluteReferences(cell.Source, Path.GetDirectoryName(Path.GetFullPath(source.SourceName))!);
        return (graded, flags, hidden);
    }

    /// <summary>Rewrites relative <c>#r "path"</c> lines to absolute paths resolved against the source notebook's folder.</summary>
    public static string AbsoluteReferences(string source, string folder) => ReferenceLine().Replace(source, match =>
    {
        string path = match.Groups["path"].Value;
        if (path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(path)) return match.Value;
        return $"{match.Groups["head"].Value}\"{Path.GetFullPath(Path.Combine(folder, path))}\"";
    });

    /// <summary>The absolute <c>#r</c> paths of a notebook (after <see cref="AbsoluteReferences"/>).</summary>
    public static IEnumerable<string> References(Notebook notebook) => notebook.Cells.Where(c => c.IsCode)
        .SelectMany(c => ReferenceLine().Matches(c.Source).Select(m => m.Groups["path"].Value))
        .Where(Path.IsPathRooted);

    [GeneratedRegex(@"^(?<head>[ \t]*#r[ \t]+)""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex ReferenceLine();

    private static string Kind(NbgraderCell m) => m.Solution ? "solution" : m.Grade ? "test" : m.Task ? "task" : "locked";

    private static bool Changed(NotebookCell student, NotebookCell original, NbgraderCell sourceMeta)
    {
        string released = SourceMarkers.RemoveHiddenTests(original.Source, original.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string expected = NbgraderChecksum.Compute(released, original.CellType, sourceMeta);
        var studentMeta = NbgraderCell.Of(student)!;
        return NbgraderChecksum.Compute(student.Source, student.CellType, studentMeta) != expected
            || (studentMeta.Checksum is not null && studentMeta.Checksum != expected);
    }

    private static JsonObject Restored(NotebookCell original)
    {
        var cell = Clone(original);
        cell["source"] = SourceMarkers.StripMarkers(original.Source);
        return cell;
    }

    private static JsonObject StudentStub(NotebookCell original)
    {
        var cell = Clone(original);
        cell["source"] = SourceMarkers.HasSolution(original.Source)
            ? SourceMarkers.ClearSolutions(original.Source, original.IsCode, original.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : original.IsCode ? string.Join("\n", SourceMarkers.CodeStub) : SourceMarkers.TextStub;
        return cell;
    }

    private static JsonObject Clone(NotebookCell cell)
    {
        var copy = cell.Json.DeepClone().AsObject();
        if (copy["cell_type"]?.ToString() == "code")
        {
            copy["outputs"] = new JsonArray();
            copy["execution_count"] = null;
        }
        return copy;
    }
}
