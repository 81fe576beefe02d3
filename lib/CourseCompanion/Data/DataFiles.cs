namespace CourseCompanion.Data;

/// <summary>The committed datasets under <c>data/</c>, which the build copies next to the CourseCompanion assembly.</summary>
internal static class DataFiles
{
    /// <summary>The directory <c>data/&lt;name&gt;</c> beside the assembly.</summary>
    public static string Directory(string name)
    {
        var assembly = typeof(DataFiles).Assembly.Location;
        var baseDir = string.IsNullOrEmpty(assembly) ? AppContext.BaseDirectory : Path.GetDirectoryName(assembly)!;
        return Path.Combine(baseDir, "data", name);
    }
}
