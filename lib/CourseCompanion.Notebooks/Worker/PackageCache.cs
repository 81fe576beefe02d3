using CourseCompanion.Notebooks.Execution;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> from the local NuGet cache (<c>~/.nuget/packages</c>, or <c>NUGET_PACKAGES</c>)
/// without restoring anything: the package's own <c>lib</c> assemblies for the best target framework. Dependencies are not followed.
/// </summary>
internal static class PackageCache
{
    private static readonly string[] FrameworkPreference =
        ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0"];

    public static string Root => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The assembly paths of the package; throws with a message saying what to restore when it is not cached.</summary>
    public static IReadOnlyList<string> Resolve(PackageReference package)
    {
        string folder = Path.Combine(Root, package.Name.ToLowerInvariant());
        string? version = package.Version is { } v ? v.ToLowerInvariant() : NewestVersion(folder);
        string versionFolder = version is null ? folder : Path.Combine(folder, version);
        if (version is null || !Directory.Exists(versionFolder))
            throw new InvalidOperationException(
                $"line {package.Line}: package {package.Name} {package.Version ?? "(any version)"} is not in the local NuGet cache ({Root}); " +
                "restore it first (for example with a project that references it), this runner does not download packages");
        string lib = Path.Combine(versionFolder, "lib");
        string? framework = FrameworkPreference.FirstOrDefault(f => Directory.Exists(Path.Combine(lib, f)));
        if (framework is null)
            throw new InvalidOperationException($"line {package.Line}: package {package.Name} {version} has no assemblies for .NET in {lib}");
        return Directory.GetFiles(Path.Combine(lib, framework), "*.dll");
    }

    private static string? NewestVersion(string folder) => Directory.Exists(folder)
        ? Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .OrderByDescending(v => Version.TryParse(v.Split('-')[0], out var parsed) ? parsed : new Version(0, 0)).FirstOrDefault()
        : null;
}
