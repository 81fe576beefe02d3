namespace CourseCompanion.Notebooks.Tests;

/// <summary>Paths of the hand-written fixtures copied beside the test assembly, and scratch folders for tests.</summary>
internal static class Fixture
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string NewFolder()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-nb-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
