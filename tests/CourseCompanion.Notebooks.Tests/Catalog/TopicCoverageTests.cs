using CourseCompanion.Notebooks.Authoring;
using CourseCompanion.Notebooks.Catalog;

namespace CourseCompanion.Notebooks.Tests.Catalog;

/// <summary>The coverage rules on small hand-made notebooks: tags, order, executed code cells, shared cells.</summary>
public class TopicCoverageTests
{
    private static readonly Topic[] Topics =
    [
        new("C09-01", 9, "First", Code: true),
        new("C09-02", 9, "Second", Code: false),
        new("C09-03", 9, "Third", Code: true),
    ];

    private static IReadOnlyList<string> Problems(string markdown, params int[] executedCells)
    {
        var notebook = MarkdownNotebook.FromMarkdown(markdown, "t.ipynb");
        foreach (int i in executedCells) notebook.Cells[i].ExecutionCount = 1;
        return TopicCoverage.Check(notebook, Topics);
    }

    private const string Covered = """
        <!-- {"companion": {"topics": ["C09-01"]}} -->
        First.
        ```csharp
        1
        ```
        <!-- {"companion": {"topics": ["C09-02"]}} -->
        Second, text only.
        <!-- {"companion": {"topics": ["C09-03"]}} -->
        Third.
        ```csharp
        3
        ```
        """;

    [Fact]
    public void ACoveredChapterHasNoProblems() => Assert.Empty(Problems(Covered, 1, 4));

    [Fact]
    public void ACodeTopicWhoseCellDidNotRunIsReported()
    {
        var problems = Problems(Covered, 1);
        Assert.Equal(["t.ipynb: C09-03 (Third) has no executed code cell"], problems);
    }

    [Fact]
    public void MissingDuplicateForeignAndDisorderedTagsAreReported()
    {
        var problems = Problems("""
            <!-- {"companion": {"topics": ["C09-03", "C08-01"]}} -->
            x
            ```csharp
            1
            ```
            <!-- {"companion": {"topics": ["C09-01", "C09-03"]}} -->
            y
            ```csharp
            2
            ```
            """, 1, 3);
        Assert.Contains(problems, p => p.Contains("C08-01, which is not a topic of this chapter"));
        Assert.Contains(problems, p => p.Contains("C09-03 is tagged twice"));
        Assert.Contains(problems, p => p.Contains("C09-02 (Second) is not tagged"));
        Assert.Contains(problems, p => p.Contains("not tagged in lecture order"));
    }

    [Fact]
    public void ACodeCellCanDemonstrateTopicsIntroducedEarlier()
    {
        var notebook = """
            <!-- {"companion": {"topics": ["C09-01"]}} -->
            First.
            <!-- {"companion": {"topics": ["C09-02"]}} -->
            Second.
            <!-- {"companion": {"topics": ["C09-03"]}} -->
            Third.
            ```csharp {"companion": {"topics": ["C09-01"]}}
            1
            ```
            """;
        Assert.Empty(Problems(notebook, 3));
        Assert.Contains("C09-01 (First) has no executed code cell", Assert.Single(Problems(notebook.Replace("```csharp {\"companion\": {\"topics\": [\"C09-01\"]}}", "```csharp"), 3)));
    }
}
