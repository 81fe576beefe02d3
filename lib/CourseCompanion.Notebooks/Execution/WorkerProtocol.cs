using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// The line-delimited JSON spoken between a <see cref="NotebookWorker"/> and its worker process, one message per line.
/// Parent to worker: <c>execute</c> (with <c>allowStdin</c> for a kernel), <c>complete</c>, <c>inspect</c>, <c>input_reply</c>.
/// Worker to parent: <c>ready</c>; per cell any number of <c>output</c>, <c>update</c> and (only when stdin is allowed)
/// <c>input_request</c>, then <c>done</c>; <c>completions</c> and <c>inspection</c> answer their requests.
/// </summary>
internal static class WorkerProtocol
{
    public static JsonObject Execute(string source, string? kernel, int executionCount, bool allowStdin = false) => new()
    {
        ["type"] = "execute", ["source"] = source, ["kernel"] = kernel, ["executionCount"] = executionCount, ["allowStdin"] = allowStdin,
    };

    public static JsonObject Complete(string code, int cursor) => new() { ["type"] = "complete", ["code"] = code, ["cursor"] = cursor };

    public static JsonObject Inspect(string code, int cursor) => new() { ["type"] = "inspect", ["code"] = code, ["cursor"] = cursor };

    public static JsonObject InputReply(string? value) => new() { ["type"] = "input_reply", ["value"] = value };

    public static JsonObject Ready() => new() { ["type"] = "ready" };

    public static JsonObject Output(JsonObject output, string? displayId) => new()
    {
        ["type"] = "output", ["output"] = output, ["displayId"] = displayId,
    };

    public static JsonObject Update(string displayId, JsonObject output) => new()
    {
        ["type"] = "update", ["displayId"] = displayId, ["output"] = output,
    };

    public static JsonObject InputRequest(string prompt, bool password) => new()
    {
        ["type"] = "input_request", ["prompt"] = prompt, ["password"] = password,
    };

    public static JsonObject Completions(int start, int end, IEnumerable<string> matches) => new()
    {
        ["type"] = "completions", ["start"] = start, ["end"] = end, ["matches"] = new JsonArray(matches.Select(m => (JsonNode)m).ToArray()),
    };

    public static JsonObject Inspection(string? text) => new() { ["type"] = "inspection", ["text"] = text };

    public static JsonObject Done(bool failed) => new() { ["type"] = "done", ["failed"] = failed };
}
