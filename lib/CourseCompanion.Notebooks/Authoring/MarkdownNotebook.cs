using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Authoring;

/// <summary>
/// A plain-text form of a notebook for writing and reviewing chapters: markdown cells as markdown, C# cells as
/// <c>```csharp</c> fences (optionally followed by the cell's metadata as JSON on the fence line), and
/// <c>&lt;!-- cell --&gt;</c> or <c>&lt;!-- {metadata JSON} --&gt;</c> lines starting a new markdown cell.
/// Fences in any other language stay inside markdown. The .ipynb stays the committed source of truth.
/// </summary>
public static partial class MarkdownNotebook
{
    private const string Fence = "```csharp";

    [GeneratedRegex(@"^<!--\s*(cell|\{.*\})\s*-->\s*$")]
    private static partial Regex CellMarker();

    /// <summary>Builds a notebook (with Polyglot metadata and content-derived cell ids) from the text form.</summary>
    public static Notebook FromMarkdown(string text, string sourceName)
    {
        var notebook = Notebook.Create(sourceName);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var markdown = new List<string>();
        JsonObject? markdownMetadata = null;

        void FlushMarkdown()
        {
            var body = string.Join("\n", markdown).Trim('\n');
            if (body.Length > 0 || markdownMetadata is not null)
                Merge(notebook.AddCell("markdown", body), markdownMetadata);
            markdown.Clear();
            markdownMetadata = null;
        }

        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (CellMarker().Match(line) is { Success: true } marker)
            {
                FlushMarkdown();
                if (marker.Groups[1].Value != "cell") markdownMetadata = ParseMetadata(marker.Groups[1].Value, sourceName, i);
                continue;
            }
            if (line == Fence || line.StartsWith(Fence + " ", StringComparison.Ordinal))
            {
                FlushMarkdown();
                var metadataText = line[Fence.Length..].Trim();
                var code = new List<string>();
                int start = i;
                while (++i < lines.Length && lines[i] != "```") code.Add(lines[i]);
                if (i == lines.Length) throw new NotebookFormatException(sourceName, $"line {start + 1}", "a ```csharp fence is never closed");
                var cell = notebook.AddCell("code", string.Join("\n", code));
                Merge(cell, metadataText.Length == 0 ? null : ParseMetadata(metadataText, sourceName, start));
                continue;
            }
            markdown.Add(line);
        }
        FlushMarkdown();
        AssignIds(notebook);
        return notebook;
    }

    /// <summary>The text form of a notebook (outputs are dropped; Polyglot's per-cell kernel metadata is implied).</summary>
    public static string ToMarkdown(Notebook notebook)
    {
        var sb = new StringBuilder();
        string? previous = null;
        foreach (var cell in notebook.Cells)
        {
            if (sb.Length > 0) sb.Append('\n');
            var metadata = OwnMetadata(cell);
            if (cell.IsCode)
            {
                sb.Append(Fence);
                if (metadata.Count > 0) sb.Append(' ').Append(metadata.ToJsonString());
                sb.Append('\n').Append(cell.Source).Append("\n```\n");
            }
            else
            {
                if (metadata.Count > 0) sb.Append("<!-- ").Append(metadata.ToJsonString()).Append(" -->\n");
                else if (previous == "markdown") sb.Append("<!-- cell -->\n");
                sb.Append(cell.Source).Append('\n');
            }
            previous = cell.CellType;
        }
        return sb.ToString();
    }

    private static JsonObject OwnMetadata(NotebookCell cell)
    {
        var copy = cell.Metadata.DeepClone().AsObject();
        copy.Remove("dotnet_interactive");
        copy.Remove("polyglot_notebook");
        return copy;
    }

    private static JsonObject ParseMetadata(string json, string sourceName, int line)
    {
        try { return JsonNode.Parse(json) as JsonObject ?? throw new JsonException("not an object"); }
        catch (JsonException e) { throw new NotebookFormatException(sourceName, $"line {line + 1}", $"cell metadata is not a JSON object: {e.Message}"); }
    }

    private static void Merge(NotebookCell cell, JsonObject? metadata)
    {
        if (metadata is null) return;
        foreach (var (key, value) in metadata) cell.Metadata[key] = value?.DeepClone();
    }

    /// <summary>Ids derived from content, so re-converting unchanged cells keeps their ids and git diffs small.</summary>
    private static void AssignIds(Notebook notebook)
    {
        var seen = new HashSet<string>();
        foreach (var cell in notebook.Cells)
        {
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cell.CellType + "\n" + cell.Source))).ToLowerInvariant();
            var id = hash[..12];
            for (int k = 1; !seen.Add(id); k++) id = $"{hash[..12]}-{k}";
            cell.Json["id"] = id;
        }
    }
}
