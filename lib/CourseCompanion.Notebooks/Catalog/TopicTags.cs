using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Catalog;

/// <summary>The syllabus topic ids a cell carries in its <c>"companion": {"topics": [...]}</c> metadata.</summary>
public static class TopicTags
{
    /// <summary>The ids on a cell (empty when it has none).</summary>
    public static IReadOnlyList<string> Of(NotebookCell cell) =>
        cell.Metadata["companion"]?["topics"] is JsonArray ids ? ids.Select(i => i!.GetValue<string>()).ToList() : [];
}
