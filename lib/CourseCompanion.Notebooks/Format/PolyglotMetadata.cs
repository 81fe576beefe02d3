using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Format;

/// <summary>The metadata VS Code's Polyglot Notebooks extension writes for a C# notebook; fills in what is missing, never overrides.</summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel name Polyglot uses for C#.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>Adds kernelspec, language_info, polyglot_notebook.kernelInfo and the per-cell kernel names where missing.</summary>
    public static void Apply(Notebook notebook)
    {
        var metadata = notebook.Metadata;
        metadata["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        };
        metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        var polyglot = (metadata["polyglot_notebook"] ??= new JsonObject()).AsObject();
        polyglot["kernelInfo"] ??= new JsonObject
        {
            ["defaultKernelName"] = CSharpKernel,
            ["items"] = new JsonArray(new JsonObject
            {
                ["aliases"] = new JsonArray(),
                ["languageName"] = CSharpKernel,
                ["name"] = CSharpKernel,
            }),
        };
        foreach (var cell in notebook.Cells.Where(c => c.IsCode)) ApplyToCell(cell);
    }

    /// <summary>Gives a code cell both <c>dotnet_interactive.language</c> and <c>polyglot_notebook.kernelName</c>, agreeing with each other.</summary>
    public static void ApplyToCell(NotebookCell cell)
    {
        string kernel = cell.KernelName ?? CSharpKernel;
        var metadata = cell.Metadata;
        var dotnet = (metadata["dotnet_interactive"] ??= new JsonObject()).AsObject();
        dotnet["language"] ??= kernel;
        var polyglot = (metadata["polyglot_notebook"] ??= new JsonObject()).AsObject();
        polyglot["kernelName"] ??= kernel;
    }
}
