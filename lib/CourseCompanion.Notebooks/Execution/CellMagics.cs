using System.Text.RegularExpressions;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// Reads the Polyglot magics of a cell: kernel selectors (<c>#!csharp</c>, <c>#!c#</c>, <c>#!C#</c>, <c>#!markdown</c>, ...),
/// <c>#!time</c>, <c>#r "nuget: ..."</c> and <c>#i</c> (accepted, no effect). Plain <c>#r "file.dll"</c> is left to Roslyn.
/// </summary>
public static partial class CellMagics
{
    private static readonly Dictionary<string, string> KernelAliases = new(StringComparer.Ordinal)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["C#"] = "csharp",
        ["markdown"] = "markdown", ["md"] = "markdown",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["F#"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["sql"] = "sql", ["kql"] = "kql", ["mermaid"] = "mermaid",
    };

    /// <summary>Parses <paramref name="source"/>; <paramref name="defaultKernel"/> comes from the cell's metadata.</summary>
    public static CellScript Parse(string source, string? defaultKernel = null)
    {
        string kernel = defaultKernel ?? "csharp";
        bool timed = false;
        var packages = new List<PackageReference>();
        var lines = source.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                string magic = trimmed[2..].Split(' ', 2)[0];
                if (KernelAliases.TryGetValue(magic, out var selected)) kernel = selected;
                else if (magic == "time") timed = true;
                else throw new CellMagicException(i + 1, $"unsupported magic command '#!{magic}'");
                lines[i] = "";
            }
            else if (NugetReference().Match(trimmed) is { Success: true } nuget)
            {
                string name = nuget.Groups["name"].Value.Trim();
                string version = nuget.Groups["version"].Value.Trim();
                packages.Add(new PackageReference(name, version.Length == 0 ? null : version, i + 1));
                lines[i] = "";
            }
            else if (trimmed.StartsWith("#i ", StringComparison.Ordinal))
            {
                lines[i] = "";
            }
        }
        return new CellScript(kernel, string.Join('\n', lines), packages, timed);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<name>[^,"]+)(,\s*(?<version>[^"]*))?"\s*$""")]
    private static partial Regex NugetReference();
}
