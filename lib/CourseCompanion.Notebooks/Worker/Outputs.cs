using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>nbformat output objects, shaped as Jupyter stores them.</summary>
internal static class Outputs
{
    public static JsonObject Stream(string name, string text) => new()
    {
        ["name"] = name, ["output_type"] = "stream", ["text"] = text,
    };

    public static JsonObject DisplayData(JsonObject data) => new()
    {
        ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
    };

    public static JsonObject ExecuteResult(JsonObject data, int executionCount) => new()
    {
        ["data"] = data, ["execution_count"] = executionCount, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result",
    };
}
