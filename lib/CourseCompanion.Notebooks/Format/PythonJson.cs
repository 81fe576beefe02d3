using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Format;

/// <summary>
/// Serialises JSON exactly as Python's <c>json.dumps(indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False)</c>,
/// the settings <c>nbformat.write</c> uses.
/// </summary>
internal static class PythonJson
{
    public static string Serialize(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteObject(obj, text, depth);
                break;
            case JsonArray array:
                WriteArray(array, text, depth);
                break;
            case JsonValue value:
                WriteValue(value, text);
                break;
        }
    }

    private static void WriteObject(JsonObject obj, StringBuilder text, int depth)
    {
        if (obj.Count == 0) { text.Append("{}"); return; }
        text.Append('{');
        bool first = true;
        foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!first) text.Append(',');
            first = false;
            NewLine(text, depth + 1);
            WriteString(key, text);
            text.Append(": ");
            Write(child, text, depth + 1);
        }
        NewLine(text, depth);
        text.Append('}');
    }

    private static void WriteArray(JsonArray array, StringBuilder text, int depth)
    {
        if (array.Count == 0) { text.Append("[]"); return; }
        text.Append('[');
        for (int i = 0; i < array.Count; i++)
        {
            if (i > 0) text.Append(',');
            NewLine(text, depth + 1);
            Write(array[i], text, depth + 1);
        }
        NewLine(text, depth);
        text.Append(']');
    }

    private static void NewLine(StringBuilder text, int depth) => text.Append('\n').Append(' ', depth);

    private static void WriteValue(JsonValue value, StringBuilder text)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(value.GetValue<string>(), text);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                text.Append(NumberText(value));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>Python reads numbers with '.', 'e' or 'E' as floats and everything else as ints, and prints them back in its own way.</summary>
    private static string NumberText(JsonValue value)
    {
        string raw = value.ToJsonString();
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
            return BigInteger.Parse(raw, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return PythonFloat.Repr(double.Parse(raw, CultureInfo.InvariantCulture));
    }

    private static void WriteString(string s, StringBuilder text)
    {
        text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
