using CourseCompanion.Notebooks.Format;

namespace CourseCompanion.Notebooks.Catalog;

/// <summary>
/// Checks that a chapter notebook covers its syllabus: every topic tagged exactly once on a markdown cell, in lecture
/// order, and every <c>code</c> topic demonstrated by an executed code cell: one that follows its markdown cell before
/// the next tagged markdown cell, or one whose own metadata names the topic (a cell shared by several topics).
/// </summary>
public static class TopicCoverage
{
    /// <summary>Problems found, each a sentence naming the notebook and topic; empty when the chapter is covered.</summary>
    public static IReadOnlyList<string> Check(Notebook notebook, IReadOnlyList<Topic> topics)
    {
        var problems = new List<string>();
        var expected = topics.Select(t => t.Id).ToHashSet();
        var taggedAt = new Dictionary<string, int>();
        var demonstrated = new HashSet<string>();
        var cells = notebook.Cells;
        string name = notebook.SourceName;

        for (int i = 0; i < cells.Count; i++)
        {
            var ids = TopicTags.Of(cells[i]);
            if (cells[i].IsCode)
            {
                if (IsExecuted(cells[i])) demonstrated.UnionWith(ids);
                continue;
            }
            foreach (var id in ids)
            {
                if (!expected.Contains(id)) problems.Add($"{name}: cell {i} tags {id}, which is not a topic of this chapter");
                else if (!taggedAt.TryAdd(id, i)) problems.Add($"{name}: {id} is tagged twice (cells {taggedAt[id]} and {i})");
            }
            if (ids.Count > 0 && NextCellsDemonstrate(cells, i)) demonstrated.UnionWith(ids);
        }

        foreach (var topic in topics)
        {
            if (!taggedAt.ContainsKey(topic.Id)) problems.Add($"{name}: {topic.Id} ({topic.Title}) is not tagged on any markdown cell");
            else if (topic.Code && !demonstrated.Contains(topic.Id)) problems.Add($"{name}: {topic.Id} ({topic.Title}) has no executed code cell");
        }
        var order = topics.Where(t => taggedAt.ContainsKey(t.Id)).Select(t => taggedAt[t.Id]).ToList();
        for (int k = 1; k < order.Count; k++)
            if (order[k] < order[k - 1]) { problems.Add($"{name}: topics are not tagged in lecture order (cell {order[k]} comes after cell {order[k - 1]})"); break; }
        return problems;
    }

    /// <summary>True when an executed code cell follows markdown cell <paramref name="i"/> before the next tagged markdown cell.</summary>
    private static bool NextCellsDemonstrate(IReadOnlyList<NotebookCell> cells, int i)
    {
        for (int j = i + 1; j < cells.Count; j++)
        {
            if (cells[j].IsCode && IsExecuted(cells[j])) return true;
            if (!cells[j].IsCode && TopicTags.Of(cells[j]).Count > 0) return false;
        }
        return false;
    }

    private static bool IsExecuted(NotebookCell cell) => cell.ExecutionCount is not null && cell.Source.Trim().Length > 0;
}
