using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Format;

/// <summary>The structural rules of nbformat 4: the checks on read, and nbformat's own line joining/splitting and transient-field stripping.</summary>
internal static class NotebookShape
{
    private static readonly HashSet<string> CellTypes = ["code", "markdown", "raw"];
    private static readonly HashSet<string> SplitNonTextMimes = ["application/javascript", "image/svg+xml"];

    public static void Check(JsonObject root, string file)
    {
        int major = RequireInt(root, "nbformat", file, "nbformat");
        if (major != 4) throw new NotebookFormatException(file, "nbformat", $"major version {major} is not supported (expected 4)");
        RequireInt(root, "nbformat_minor", file, "nbformat_minor");
        Require<JsonObject>(root, "metadata", file, "metadata");
        var cells = Require<JsonArray>(root, "cells", file, "cells");
        for (int i = 0; i < cells.Count; i++)
        {
            string at = $"cells[{i}]";
            if (cells[i] is not JsonObject cell) throw new NotebookFormatException(file, at, "a cell must be a JSON object");
            string type = RequireString(cell, "cell_type", file, $"{at}.cell_type");
            if (!CellTypes.Contains(type)) throw new NotebookFormatException(file, $"{at}.cell_type", $"unknown cell type '{type}'");
            Require<JsonObject>(cell, "metadata", file, $"{at}.metadata");
            CheckText(cell, "source", file, $"{at}.source");
            if (type != "code") continue;
            var outputs = Require<JsonArray>(cell, "outputs", file, $"{at}.outputs");
            if (!cell.ContainsKey("execution_count"))
                throw new NotebookFormatException(file, $"{at}.execution_count", "missing field");
            for (int j = 0; j < outputs.Count; j++)
            {
                if (outputs[j] is not JsonObject output) throw new NotebookFormatException(file, $"{at}.outputs[{j}]", "an output must be a JSON object");
                RequireString(output, "output_type", file, $"{at}.outputs[{j}].output_type");
            }
        }
    }

    /// <summary>Joins multi-line text (nbformat's <c>rejoin_lines</c>), strips transient fields, upgrades to 4.5 and fills in missing cell ids.</summary>
    public static void Normalize(JsonObject root)
    {
        var metadata = root["metadata"]!.AsObject();
        foreach (var key in (string[])["orig_nbformat", "orig_nbformat_minor", "signature"]) metadata.Remove(key);
        if ((int)root["nbformat_minor"]! < 5) root["nbformat_minor"] = 5;
        var seenIds = new HashSet<string>();
        foreach (var cell in root["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            cell["metadata"]!.AsObject().Remove("trusted");
            if (cell["source"] is JsonArray source) cell["source"] = Join(source);
            foreach (var attachment in (cell["attachments"] as JsonObject)?.Select(a => a.Value).OfType<JsonObject>() ?? [])
                JoinMimeBundle(attachment);
            if (cell["id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String || !seenIds.Add((string)id!))
            {
                string fresh = NewCellId();
                seenIds.Add(fresh);
                cell["id"] = fresh;
            }
            if ((string)cell["cell_type"]! != "code") continue;
            foreach (var output in cell["outputs"]!.AsArray().Select(o => o!.AsObject()))
            {
                string type = (string)output["output_type"]!;
                if (type is "execute_result" or "display_data")
                {
                    if (output["data"] is JsonObject data) JoinMimeBundle(data);
                }
                else if (output["text"] is JsonArray text && text.All(IsString))
                {
                    output["text"] = Join(text);
                }
            }
        }
    }

    /// <summary>nbformat's <c>split_lines</c>: source, stream text and text-like MIME data become lists of lines.</summary>
    public static void SplitLines(JsonObject root)
    {
        foreach (var cell in root["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            if (cell["source"] is JsonValue source && IsString(source)) cell["source"] = Lines((string)source!);
            foreach (var attachment in (cell["attachments"] as JsonObject)?.Select(a => a.Value).OfType<JsonObject>() ?? [])
                SplitMimeBundle(attachment);
            if ((string)cell["cell_type"]! != "code") continue;
            foreach (var output in cell["outputs"]!.AsArray().Select(o => o!.AsObject()))
            {
                string type = (string)output["output_type"]!;
                if (type is "execute_result" or "display_data")
                {
                    if (output["data"] is JsonObject data) SplitMimeBundle(data);
                }
                else if (type == "stream" && output["text"] is JsonValue text && IsString(text))
                {
                    output["text"] = Lines((string)text!);
                }
            }
        }
    }

    /// <summary>A fresh cell id in the shape Jupyter generates (8 hex digits).</summary>
    public static string NewCellId() => Guid.NewGuid().ToString("N")[..8];

    private static void JoinMimeBundle(JsonObject data)
    {
        foreach (var (key, value) in data.ToList())
            if (!IsJsonMime(key) && value is JsonArray lines && lines.All(IsString)) data[key] = Join(lines);
    }

    private static void SplitMimeBundle(JsonObject data)
    {
        foreach (var (key, value) in data.ToList())
            if (value is JsonValue v && IsString(v) && (key.StartsWith("text/", StringComparison.Ordinal) || SplitNonTextMimes.Contains(key)))
                data[key] = Lines((string)v!);
    }

    private static bool IsJsonMime(string mime) =>
        mime == "application/json" || (mime.StartsWith("application/", StringComparison.Ordinal) && mime.EndsWith("+json", StringComparison.Ordinal));

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static string Join(JsonArray lines) => string.Concat(lines.Select(l => (string)l!));

    private static JsonArray Lines(string text) => new(PythonLines.Split(text).Select(l => (JsonNode)l).ToArray());

    private static void CheckText(JsonObject obj, string key, string file, string field)
    {
        var node = obj[key];
        if (!obj.ContainsKey(key)) throw new NotebookFormatException(file, field, "missing field");
        bool ok = IsString(node) || (node is JsonArray lines && lines.All(IsString));
        if (!ok) throw new NotebookFormatException(file, field, "must be a string or a list of strings");
    }

    private static T Require<T>(JsonObject obj, string key, string file, string field) where T : JsonNode
    {
        if (!obj.ContainsKey(key)) throw new NotebookFormatException(file, field, "missing field");
        return obj[key] as T ?? throw new NotebookFormatException(file, field, $"must be a JSON {(typeof(T) == typeof(JsonArray) ? "array" : "object")}");
    }

    private static string RequireString(JsonObject obj, string key, string file, string field)
    {
        if (!obj.ContainsKey(key)) throw new NotebookFormatException(file, field, "missing field");
        return IsString(obj[key]) ? (string)obj[key]! : throw new NotebookFormatException(file, field, "must be a string");
    }

    private static int RequireInt(JsonObject obj, string key, string file, string field)
    {
        if (!obj.ContainsKey(key)) throw new NotebookFormatException(file, field, "missing field");
        if (obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n)) return n;
        throw new NotebookFormatException(file, field, "must be an integer");
    }
}
