using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>Something a running cell produced, delivered as it happens.</summary>
public abstract record CellEvent;

/// <summary>A new nbformat output (stream, display_data, execute_result or error); <paramref name="DisplayId"/> is set for displays that can be updated.</summary>
public sealed record OutputProduced(JsonObject Output, string? DisplayId) : CellEvent;

/// <summary>An earlier display (possibly of an earlier cell) now shows <paramref name="Output"/>.</summary>
public sealed record DisplayUpdated(string DisplayId, JsonObject Output) : CellEvent;

/// <summary>The cell reads Console.In and waits: answer with <see cref="NotebookWorker.SendInputAsync"/> (only when stdin was allowed).</summary>
public sealed record InputRequested(string Prompt, bool Password) : CellEvent;
