using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Kernel;

/// <summary>
/// The Jupyter kernelspec (<c>kernels/&lt;name&gt;/kernel.json</c>) that lets VS Code, JupyterLab, nbclient and nbconvert start this kernel.
/// Locations follow jupyter_core: the user's data folder (<c>JUPYTER_DATA_DIR</c>, else ~/.local/share/jupyter, ~/Library/Jupyter
/// or %APPDATA%\jupyter) or <c>&lt;prefix&gt;/share/jupyter</c>.
/// </summary>
public static class KernelSpec
{
    public const string DefaultName = "coursecompanion-csharp";
    public const string DefaultDisplayName = "C# (CourseCompanion)";
    /// <summary>The name Polyglot Notebooks saves in notebooks' kernelspec; registering under it opens them without a kernel choice.</summary>
    public const string PolyglotName = ".net-csharp";
    private const string Marker = "coursecompanion";

    /// <summary>The user's Jupyter data folder.</summary>
    public static string UserDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data) return data;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        string xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter");
    }

    /// <summary>The data folder for a <c>--prefix</c> install (a virtual environment, a conda environment, /usr/local).</summary>
    public static string PrefixDataFolder(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");

    /// <summary>Folders Jupyter searches, in its order: JUPYTER_PATH, the user's, then the system's.</summary>
    public static IReadOnlyList<string> SearchedDataFolders()
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("JUPYTER_PATH") is { Length: > 0 } path)
            folders.AddRange(path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        folders.Add(UserDataFolder());
        if (OperatingSystem.IsWindows())
            folders.Add(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter"));
        else
            folders.AddRange(["/usr/local/share/jupyter", "/usr/share/jupyter"]);
        return folders.Distinct().ToList();
    }

    /// <summary>The command that starts this kernel: the companion executable (or <c>dotnet companion.dll</c>) with <c>kernel start</c>.</summary>
    public static IReadOnlyList<string> Launcher()
    {
        string process = Environment.ProcessPath ?? "companion";
        bool viaDotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        string? entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return viaDotnet && entry is { Length: > 0 } ? [process, entry] : [process];
    }

    /// <summary>Writes <c>&lt;dataFolder&gt;/kernels/&lt;name&gt;/kernel.json</c> and returns its folder.</summary>
    public static string Install(string dataFolder, string name, string displayName, IReadOnlyList<string> launcher)
    {
        string folder = Path.Combine(dataFolder, "kernels", name);
        Directory.CreateDirectory(folder);
        var argv = new JsonArray([.. launcher.Concat(["kernel", "start", "{connection_file}"]).Select(a => (JsonNode)a)]);
        var spec = new JsonObject
        {
            ["argv"] = argv,
            ["display_name"] = displayName,
            ["language"] = "C#",
            ["interrupt_mode"] = "message",
            ["env"] = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            ["metadata"] = new JsonObject { [Marker] = new JsonObject { ["version"] = typeof(KernelSpec).Assembly.GetName().Version?.ToString(3) } },
        };
        File.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return folder;
    }

    /// <summary>Removes the kernelspec if it is ours; returns the folder removed, or null.</summary>
    public static string? Uninstall(string dataFolder, string name)
    {
        string folder = Path.Combine(dataFolder, "kernels", name);
        if (Read(folder) is not { IsOurs: true }) return null;
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    /// <summary>Every kernelspec in the searched folders, ours marked.</summary>
    public static IEnumerable<InstalledKernel> List(IEnumerable<string> dataFolders)
    {
        foreach (var data in dataFolders)
        {
            string kernels = Path.Combine(data, "kernels");
            if (!Directory.Exists(kernels)) continue;
            foreach (var folder in Directory.GetDirectories(kernels).Order(StringComparer.Ordinal))
                if (Read(folder) is { } kernel) yield return kernel;
        }
    }

    private static InstalledKernel? Read(string folder)
    {
        string file = Path.Combine(folder, "kernel.json");
        if (!File.Exists(file)) return null;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(file))?.AsObject();
            return new InstalledKernel(Path.GetFileName(folder), folder, (string?)json?["display_name"] ?? "", json?["metadata"]?[Marker] is not null);
        }
        catch (JsonException) { return new InstalledKernel(Path.GetFileName(folder), folder, "(unreadable kernel.json)", false); }
    }
}

/// <summary>A kernelspec found on disk.</summary>
public sealed record InstalledKernel(string Name, string Folder, string DisplayName, bool IsOurs);
