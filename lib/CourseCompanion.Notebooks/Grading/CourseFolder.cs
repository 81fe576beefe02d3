namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's course-folder layout: <c>source/&lt;assignment&gt;/</c> (instructor notebooks), <c>release/&lt;assignment&gt;/</c>
/// (student versions), <c>submitted/&lt;student&gt;/&lt;assignment&gt;/</c> (hand-ins, with an optional <c>timestamp.txt</c>),
/// <c>autograded/&lt;student&gt;/&lt;assignment&gt;/</c>, <c>feedback/&lt;student&gt;/&lt;assignment&gt;/</c>, and our
/// <c>gradebook/&lt;assignment&gt;/&lt;student&gt;.json</c> in place of nbgrader's gradebook.db.
/// </summary>
public sealed record CourseFolder(string Root)
{
    /// <summary>A course folder at <paramref name="root"/>; it must contain <c>source/</c>.</summary>
    public static CourseFolder Open(string root)
    {
        string full = Path.GetFullPath(root);
        if (!Directory.Exists(Path.Combine(full, "source")))
            throw new GradingException($"{root}: not a course folder (no source/ folder)");
        return new CourseFolder(full);
    }

    public string Source(string assignment) => Path.Combine(Root, "source", assignment);
    public string Release(string assignment) => Path.Combine(Root, "release", assignment);
    public string Solution(string assignment) => Path.Combine(Root, "solution", assignment);
    public string Submitted(string student, string assignment) => Path.Combine(Root, "submitted", student, assignment);
    public string Autograded(string student, string assignment) => Path.Combine(Root, "autograded", student, assignment);
    public string Feedback(string student, string assignment) => Path.Combine(Root, "feedback", student, assignment);
    public string Gradebook => Path.Combine(Root, "gradebook");

    /// <summary>The source assignments (folder names under <c>source/</c>), sorted.</summary>
    public IReadOnlyList<string> Assignments() => Children(Path.Combine(Root, "source"));

    /// <summary>Students who handed in <paramref name="assignment"/>, sorted.</summary>
    public IReadOnlyList<string> Students(string assignment) =>
        Children(Path.Combine(Root, "submitted")).Where(s => Directory.Exists(Submitted(s, assignment))).ToList();

    /// <summary>The source notebooks of an assignment, by file name.</summary>
    public IReadOnlyList<string> SourceNotebooks(string assignment)
    {
        string folder = Source(assignment);
        if (!Directory.Exists(folder)) throw new GradingException($"no assignment '{assignment}' under {Path.Combine(Root, "source")}");
        return Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string> Children(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
        : [];
}
