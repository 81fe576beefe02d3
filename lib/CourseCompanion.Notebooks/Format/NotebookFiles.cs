namespace CourseCompanion.Notebooks.Format;

/// <summary>
/// Expands command-line paths into notebook files. Folders are searched recursively for <c>*.ipynb</c>, skipping
/// <c>.ipynb_checkpoints</c> and the <c>release</c> folder of an nbgrader course folder (student stubs, meant to fail).
/// Files named explicitly are always taken.
/// </summary>
public static class NotebookFiles
{
    /// <summary>The notebooks under <paramref name="paths"/>, in a stable order; a missing path throws naming it.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"{path}: not a notebook (expected a .ipynb file or a folder)");
                found.Add(path);
            }
            else if (Directory.Exists(path))
            {
                found.AddRange(Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !IsExcluded(Path.GetRelativePath(path, f), path))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new ArgumentException($"{path}: no such file or folder");
            }
        }
        return found.Distinct().ToList();
    }

    private static bool IsExcluded(string relative, string root)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string folder = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] == ".ipynb_checkpoints") return true;
            if (parts[i] == "release" && IsNbgraderCourse(folder)) return true;
            folder = Path.Combine(folder, parts[i]);
        }
        return false;
    }

    /// <summary>An nbgrader course folder has a <c>source</c> folder next to <c>release</c>, or an nbgrader config.</summary>
    private static bool IsNbgraderCourse(string folder) =>
        Directory.Exists(Path.Combine(folder, "source")) || File.Exists(Path.Combine(folder, "nbgrader_config.py"));
}
