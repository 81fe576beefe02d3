using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>What running a cell's script gave: a trailing value (if any), or an nbformat <c>error</c> output.</summary>
internal sealed partial record ScriptOutcome(bool HasValue, object? Value, JsonObject? Error)
{
    public static ScriptOutcome Completed(bool hasValue, object? value) => new(hasValue, value, null);

    /// <summary>Compile errors, each as <c>(line,column): error CSxxxx: message</c> with cell-relative positions.</summary>
    public static ScriptOutcome CompileError(ImmutableArray<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToList();
        return new(false, null, ErrorOutput("CompilationError", string.Join("\n", lines), lines));
    }

    public static ScriptOutcome Thrown(Exception exception) =>
        new(false, null, ErrorOutput(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, Traceback(exception)));

    /// <summary>An nbformat error output.</summary>
    public static JsonObject ErrorOutput(string name, string value, IEnumerable<string> traceback) => new()
    {
        ["output_type"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(traceback.Select(t => (JsonNode)t).ToArray()),
    };

    private static string Describe(Diagnostic d)
    {
        var start = d.Location.GetLineSpan().StartLinePosition;
        return $"({start.Line + 1},{start.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The exception's text without the frames of the scripting machinery and without source paths
    /// (" in /home/…/Tensor.cs:line 17"), so a stored traceback is the same on every machine.
    /// </summary>
    private static IEnumerable<string> Traceback(Exception exception) =>
        exception.ToString().Split('\n').Select(l => SourcePath().Replace(l.TrimEnd('\r'), ""))
            .Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                && !l.Contains("<<Initialize>>", StringComparison.Ordinal)
                && !l.StartsWith("--- End of stack trace", StringComparison.Ordinal)
                && !l.Contains("System.Runtime.CompilerServices.", StringComparison.Ordinal)
                && !l.Contains("System.Runtime.ExceptionServices.", StringComparison.Ordinal));

    [System.Text.RegularExpressions.GeneratedRegex(@" in .+:line \d+$")]
    private static partial System.Text.RegularExpressions.Regex SourcePath();
}
