using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Format;

/// <summary>
/// An nbformat 4.5 notebook held as JSON nodes, so fields we do not model survive a read and write.
/// <see cref="ToJson"/> produces the same bytes as Jupyter's <c>nbformat.write</c>.
/// </summary>
public sealed class Notebook
{
    private readonly JsonObject _root;
    private readonly List<NotebookCell> _cells;

    private Notebook(JsonObject root, string sourceName)
    {
        _root = root;
        SourceName = sourceName;
        _cells = root["cells"]!.AsArray().Select((c, i) => new NotebookCell(c!.AsObject(), i)).ToList();
    }

    /// <summary>The file path or name used in error messages.</summary>
    public string SourceName { get; }

    /// <summary>The notebook's cells, in order.</summary>
    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>The notebook-level metadata (kernelspec, language_info, polyglot_notebook, ...).</summary>
    public JsonObject Metadata => _root["metadata"]!.AsObject();

    /// <summary>Reads a notebook file; a malformed file raises <see cref="NotebookFormatException"/> naming it and the field.</summary>
    public static Notebook Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, "(file)", e.Message);
        }
        return Parse(text, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="sourceName"/> names it in errors.</summary>
    public static Notebook Parse(string json, string sourceName)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException e)
        {
            throw new NotebookFormatException(sourceName, e.Path ?? "$", $"invalid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        if (node is not JsonObject root) throw new NotebookFormatException(sourceName, "$", "the top level must be a JSON object");
        NotebookShape.Check(root, sourceName);
        NotebookShape.Normalize(root);
        return new Notebook(root, sourceName);
    }

    /// <summary>A new, empty notebook with the metadata VS Code's Polyglot Notebooks writes.</summary>
    public static Notebook Create(string sourceName = "untitled.ipynb")
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(),
            ["metadata"] = new JsonObject(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var notebook = new Notebook(root, sourceName);
        PolyglotMetadata.Apply(notebook);
        return notebook;
    }

    /// <summary>Appends a cell (<c>code</c>, <c>markdown</c> or <c>raw</c>); code cells get the Polyglot C# metadata.</summary>
    public NotebookCell AddCell(string cellType, string source)
    {
        var cell = new JsonObject
        {
            ["cell_type"] = cellType,
            ["id"] = NotebookShape.NewCellId(),
            ["metadata"] = new JsonObject(),
            ["source"] = source,
        };
        if (cellType == "code")
        {
            cell["execution_count"] = null;
            cell["outputs"] = new JsonArray();
        }
        _root["cells"]!.AsArray().Add(cell);
        var added = new NotebookCell(cell, _cells.Count);
        _cells.Add(added);
        if (added.IsCode) PolyglotMetadata.ApplyToCell(added);
        return added;
    }

    /// <summary>The notebook as nbformat writes it: 1-space indent, sorted keys, multi-line text as lists, final newline.</summary>
    public string ToJson()
    {
        var copy = _root.DeepClone().AsObject();
        NotebookShape.SplitLines(copy);
        return PythonJson.Serialize(copy) + "\n";
    }

    /// <summary>Writes the notebook atomically (temporary file, then rename).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());
}
