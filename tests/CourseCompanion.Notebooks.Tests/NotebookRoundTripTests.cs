using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Tests;

public class NotebookRoundTripTests
{
    [Theory]
    [InlineData("polyglot-vscode.ipynb")]
    [InlineData("jupyter-saved.ipynb")]
    public void Written_bytes_match_jupyter_nbformat(string fixture)
    {
        string path = Fixture.Path(fixture);
        string ours = Notebook.Load(path).ToJson();
        Assert.Equal(JupyterNbformat.RoundTrip(path), ours);
    }

    [Fact]
    public void Save_writes_the_same_bytes_and_leaves_no_temporary_file()
    {
        string folder = Fixture.NewFolder();
        string target = Path.Combine(folder, "copy.ipynb");
        var notebook = Notebook.Load(Fixture.Path("polyglot-vscode.ipynb"));
        notebook.Save(target);
        Assert.Equal(notebook.ToJson(), File.ReadAllText(target));
        Assert.Equal(["copy.ipynb"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Unknown_fields_survive_and_text_is_joined_in_memory()
    {
        var notebook = Notebook.Load(Fixture.Path("jupyter-saved.ipynb"));
        var cell = notebook.Cells[2];
        Assert.Equal(7, (int)cell.Json["x-unknown-cell-field"]!);
        Assert.Equal("warn 1\nwarn 2\n", (string)cell.Outputs[2]!["text"]!);
        Assert.Equal(["raises-exception"], cell.Tags);
        Assert.Equal("me", (string)cell.Outputs[3]!["unknown_output_field"]!["keep"]!);
    }

    [Fact]
    public void Missing_and_duplicate_cell_ids_are_generated_and_old_minor_versions_become_4_5()
    {
        string folder = Fixture.NewFolder();
        string path = Path.Combine(folder, "old.ipynb");
        File.WriteAllText(path, """
            {"nbformat": 4, "nbformat_minor": 4, "metadata": {},
             "cells": [{"cell_type": "markdown", "metadata": {}, "source": "a"},
                       {"cell_type": "code", "id": "same", "metadata": {}, "source": "1", "outputs": [], "execution_count": null},
                       {"cell_type": "code", "id": "same", "metadata": {}, "source": "2", "outputs": [], "execution_count": null}]}
            """);
        var notebook = Notebook.Load(path);
        notebook.Save(path);
        var ids = notebook.Cells.Select(c => c.Id).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal("same", ids[1]);
        Assert.Contains("\"nbformat_minor\": 5", File.ReadAllText(path));
        Assert.Equal("", JupyterNbformat.ValidationError(path));
    }

    [Fact]
    public void Created_notebooks_carry_the_polyglot_metadata_and_are_valid()
    {
        string path = Path.Combine(Fixture.NewFolder(), "new.ipynb");
        var notebook = Notebook.Create(path);
        notebook.AddCell("markdown", "# Title");
        var code = notebook.AddCell("code", "1 + 1");
        notebook.Save(path);
        Assert.Equal("csharp", code.KernelName);
        Assert.Equal("csharp", (string)code.Metadata["dotnet_interactive"]!["language"]!);
        Assert.Equal(".net-csharp", (string)notebook.Metadata["kernelspec"]!["name"]!);
        Assert.Equal("csharp", (string)notebook.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!);
        Assert.Equal("", JupyterNbformat.ValidationError(path));
        Assert.Equal(JupyterNbformat.RoundTrip(path), File.ReadAllText(path));
    }
}
