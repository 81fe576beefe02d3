using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Tests;

/// <summary>A notebook written to a fresh folder from cell sources, run, and its outputs read back.</summary>
internal sealed class ScratchNotebook
{
    private ScratchNotebook(Notebook notebook, NotebookRun run)
    {
        Notebook = notebook;
        Run = run;
    }

    public Notebook Notebook { get; }
    public NotebookRun Run { get; }

    public static Task<ScratchNotebook> RunAsync(params string[] sources) => RunAsync(Fixture.NewFolder(), new RunOptions(), sources);

    public static async Task<ScratchNotebook> RunAsync(string folder, RunOptions options, params string[] sources)
    {
        string path = System.IO.Path.Combine(folder, "scratch.ipynb");
        var notebook = Notebook.Create(path);
        foreach (var source in sources)
        {
            var cell = notebook.AddCell("code", source);
            if (source.StartsWith("// raises-exception", StringComparison.Ordinal))
                cell.Metadata["tags"] = new JsonArray("raises-exception");
        }
        notebook.Save(path);
        var run = await new NotebookRunner(options).RunAsync(notebook);
        notebook.Save(path);
        return new ScratchNotebook(notebook, run);
    }

    public JsonArray Outputs(int cell) => Notebook.Cells[cell].Outputs;

    public JsonObject Output(int cell, int index) => Outputs(cell)[index]!.AsObject();

    /// <summary>The stored stream text of the cell's outputs with that name.</summary>
    public string Stream(int cell, string name) => string.Concat(Outputs(cell).OfType<JsonObject>()
        .Where(o => (string?)o["output_type"] == "stream" && (string?)o["name"] == name).Select(o => (string)o["text"]!));

    public string Path => Notebook.SourceName;
}
