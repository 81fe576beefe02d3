using CourseCompanion.Notebooks.Catalog;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Tests.Catalog;

/// <summary>The committed notebooks against the syllabus: every delivered chapter covers its topics, and the index is current.</summary>
public class CommittedNotebooksTests
{
    private static readonly string NotebooksFolder = Path.Combine(RepositoryRoot(), "notebooks");

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CourseCompanion.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("CourseCompanion.sln not found above the test folder.");
    }

    public static TheoryData<int> Delivered()
    {
        var data = new TheoryData<int>();
        foreach (var c in Syllabus.Load(NotebooksFolder).Chapters.Where(c => File.Exists(Path.Combine(NotebooksFolder, c.Notebook))))
            data.Add(c.Number);
        return data;
    }

    [Theory, MemberData(nameof(Delivered))]
    public void EveryTopicOfADeliveredChapterIsTaggedAndDemonstrated(int chapter)
    {
        var syllabus = Syllabus.Load(NotebooksFolder);
        var entry = syllabus.Chapters.Single(c => c.Number == chapter);
        var problems = TopicCoverage.Check(Notebook.Load(Path.Combine(NotebooksFolder, entry.Notebook)), syllabus.Of(chapter));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheIndexIsUpToDate()
    {
        var expected = NotebookIndex.Render(Syllabus.Load(NotebooksFolder), NotebooksFolder);
        var actual = File.ReadAllText(Path.Combine(NotebooksFolder, "README.md"));
        Assert.True(expected == actual, "notebooks/README.md is out of date: run `companion index`.");
    }

    [Fact]
    public void EveryChapterHasATitleAndEverySyllabusChapterIsListed()
    {
        var syllabus = Syllabus.Load(NotebooksFolder);
        Assert.All(syllabus.Topics.Select(t => t.Chapter).Distinct(), n => Assert.Contains(syllabus.Chapters, c => c.Number == n));
        Assert.Equal(669, syllabus.Topics.Count);
    }
}
