using CourseCompanion.Notebooks.Authoring;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Tests.Authoring;

/// <summary>The markdown text form: cells, metadata, fences of other languages, ids and the round trip.</summary>
public class MarkdownNotebookTests
{
    private const string Text = """
        <!-- {"companion": {"topics": ["C01-01"]}} -->
        # Title

        Some text with a fence that stays markdown:
        ```text
        not code
        ```

        ```csharp
        var x = 1;
        x + 1
        ```
        <!-- cell -->
        Second markdown cell.

        ```csharp {"tags": ["raises-exception"]}
        throw new Exception();
        ```
        """;

    [Fact]
    public void CellsMetadataAndOtherFencesAreRecognised()
    {
        var nb = MarkdownNotebook.FromMarkdown(Text, "t.md");
        Assert.Equal(["markdown", "code", "markdown", "code"], nb.Cells.Select(c => c.CellType));
        Assert.Equal("C01-01", nb.Cells[0].Metadata["companion"]!["topics"]![0]!.GetValue<string>());
        Assert.Contains("```text\nnot code\n```", nb.Cells[0].Source);
        Assert.Equal("var x = 1;\nx + 1", nb.Cells[1].Source);
        Assert.Equal(["raises-exception"], nb.Cells[3].Tags);
        Assert.Equal("csharp", nb.Cells[1].KernelName);
    }

    [Fact]
    public void IdsComeFromContentSoUnchangedCellsKeepThem()
    {
        var a = MarkdownNotebook.FromMarkdown(Text, "t.md");
        var b = MarkdownNotebook.FromMarkdown(Text.Replace("Second markdown cell.", "Edited."), "t.md");
        Assert.Equal(a.Cells[1].Id, b.Cells[1].Id);
        Assert.NotEqual(a.Cells[2].Id, b.Cells[2].Id);
        Assert.Equal(a.Cells.Count, a.Cells.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void TheTextFormRoundTrips()
    {
        var nb = MarkdownNotebook.FromMarkdown(Text, "t.md");
        var again = MarkdownNotebook.FromMarkdown(MarkdownNotebook.ToMarkdown(nb), "t.md");
        Assert.Equal(nb.ToJson(), again.ToJson());
    }

    [Fact]
    public void AnUnclosedFenceNamesTheLine()
    {
        var e = Assert.Throws<NotebookFormatException>(() => MarkdownNotebook.FromMarkdown("text\n```csharp\nvar x = 1;", "bad.md"));
        Assert.Contains("bad.md", e.Message);
        Assert.Contains("line 2", e.Message);
    }
}
