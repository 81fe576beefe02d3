using System.Text;
using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>The text of a cell's outputs that staleness is judged on: stream text and <c>text/plain</c>, never images.</summary>
public static class OutputText
{
    /// <summary>The cell's comparable output text.</summary>
    public static string Of(NotebookCell cell)
    {
        var text = new StringBuilder();
        foreach (var output in cell.Outputs.OfType<JsonObject>())
        {
            switch ((string?)output["output_type"])
            {
                case "stream":
                    text.Append('[').Append((string?)output["name"]).Append("] ").Append((string?)output["text"]);
                    break;
                case "execute_result" or "display_data":
                    text.Append("[data] ").Append((string?)output["data"]?["text/plain"]).Append('\n');
                    break;
                case "error":
                    text.Append("[error] ").Append((string?)output["ename"]).Append('\n');
                    break;
            }
        }
        return text.ToString();
    }
}
