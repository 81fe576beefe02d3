using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Format;

/// <summary>One cell of a <see cref="Notebook"/>: a typed view over its JSON, which keeps every field it does not know.</summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, int index)
    {
        Json = json;
        Index = index;
    }

    /// <summary>The cell's JSON object; unknown fields live here untouched.</summary>
    public JsonObject Json { get; }

    /// <summary>Zero-based position in the notebook.</summary>
    public int Index { get; }

    /// <summary>The nbformat 4.5 cell id.</summary>
    public string Id => (string)Json["id"]!;

    /// <summary><c>code</c>, <c>markdown</c> or <c>raw</c>.</summary>
    public string CellType => (string)Json["cell_type"]!;

    /// <summary>True for code cells.</summary>
    public bool IsCode => CellType == "code";

    /// <summary>The cell text, as one string.</summary>
    public string Source
    {
        get => (string)Json["source"]!;
        set => Json["source"] = value;
    }

    /// <summary>The cell's metadata object.</summary>
    public JsonObject Metadata => Json["metadata"]!.AsObject();

    /// <summary>Stored outputs of a code cell (empty for other cells).</summary>
    public JsonArray Outputs => Json["outputs"] as JsonArray ?? [];

    /// <summary>The stored execution count of a code cell, or null.</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v ? v.GetValue<int>() : null;
        set => Json["execution_count"] = value;
    }

    /// <summary>The cell's <c>metadata.tags</c> (nbclient uses <c>raises-exception</c>, nbgrader its own).</summary>
    public IReadOnlyList<string> Tags => Metadata["tags"] is JsonArray tags
        ? tags.OfType<JsonValue>().Select(t => t.ToString()).ToList()
        : [];

    /// <summary>The Polyglot kernel the cell's metadata names (<c>polyglot_notebook.kernelName</c>, else <c>dotnet_interactive.language</c>), or null.</summary>
    public string? KernelName =>
        (string?)Metadata["polyglot_notebook"]?["kernelName"] ?? (string?)Metadata["dotnet_interactive"]?["language"];

    /// <summary>Removes outputs and the execution count of a code cell.</summary>
    public void ClearOutputs()
    {
        if (!IsCode) return;
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
    }
}
