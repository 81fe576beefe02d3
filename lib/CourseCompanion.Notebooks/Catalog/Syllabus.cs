using System.Text.Json;

namespace CourseCompanion.Notebooks.Catalog;

/// <summary>One lecture topic from syllabus.json: its stable id, chapter, title and whether a runnable cell is expected.</summary>
public sealed record Topic(string Id, int Chapter, string Title, bool Code);

/// <summary>One chapter from chapters.json: number, title and the walk-through notebook's file name.</summary>
public sealed record Chapter(int Number, string Title, string Notebook);

/// <summary>The course map: every topic by chapter (notebooks/syllabus.json) and every chapter's notebook (notebooks/chapters.json).</summary>
public sealed class Syllabus(IReadOnlyList<Topic> topics, IReadOnlyList<Chapter> chapters)
{
    /// <summary>All topics in chapter and lecture order.</summary>
    public IReadOnlyList<Topic> Topics { get; } = topics;

    /// <summary>All chapters in order.</summary>
    public IReadOnlyList<Chapter> Chapters { get; } = chapters;

    /// <summary>The topics of one chapter, in lecture order.</summary>
    public IReadOnlyList<Topic> Of(int chapter) => Topics.Where(t => t.Chapter == chapter).ToList();

    /// <summary>Reads syllabus.json and chapters.json from the notebooks folder; errors name the file.</summary>
    public static Syllabus Load(string notebooksFolder)
    {
        var topics = Read(Path.Combine(notebooksFolder, "syllabus.json"), e =>
            new Topic(e.GetProperty("id").GetString()!, e.GetProperty("chapter").GetInt32(), e.GetProperty("title").GetString()!, e.GetProperty("code").GetBoolean()));
        var chapters = Read(Path.Combine(notebooksFolder, "chapters.json"), e =>
            new Chapter(e.GetProperty("chapter").GetInt32(), e.GetProperty("title").GetString()!, e.GetProperty("notebook").GetString()!));
        return new Syllabus(topics, chapters);
    }

    private static List<T> Read<T>(string path, Func<JsonElement, T> entry)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.EnumerateArray().Select(entry).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
