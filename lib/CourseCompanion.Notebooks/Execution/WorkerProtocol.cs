using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// The line-delimited JSON spoken between a <see cref="NotebookWorker"/> and its worker process, one message per line.
/// Parent to worker: <c>execute</c>. Worker to parent: <c>ready</c>, then per cell any number of <c>output</c> and <c>update</c>, then <c>done</c>.
/// </summary>
internal static class WorkerProtocol
{
    public static JsonObject Execute(string source, string? kernel, int executionCount) => new()
    {
        ["type"] = "execute", ["source"] = source, ["kernel"] = kernel, ["executionCount"] = executionCount,
    };

    public static JsonObject Ready() => new() { ["type"] = "ready" };

    public static JsonObject Output(JsonObject output, string? displayId) => new()
    {
        ["type"] = "output", ["output"] = output, ["displayId"] = displayId,
    };

    public static JsonObject Update(string displayId, JsonObject output) => new()
    {
        ["type"] = "update", ["displayId"] = displayId, ["output"] = output,
    };

    public static JsonObject Done(bool failed) => new() { ["type"] = "done", ["failed"] = failed };
}
