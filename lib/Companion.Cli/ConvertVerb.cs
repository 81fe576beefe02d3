using System.CommandLine;
using CourseCompanion.Notebooks.Authoring;
using CourseCompanion.Notebooks.Format;

namespace Companion.Cli;

/// <summary>The <c>convert</c> verb: notebook ↔ the markdown text form chapter authors write in.</summary>
internal static class ConvertVerb
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A .md text-form notebook or an .ipynb notebook" };
        var output = new Option<string?>("--out", "-o") { Description = "Output path (default: the input with the other extension)" };
        var command = new Command("convert", "Convert between .ipynb and the markdown text form (```csharp fences are code cells)") { input, output };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            try
            {
                bool toNotebook = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
                var target = parse.GetValue(output) ?? Path.ChangeExtension(path, toNotebook ? ".ipynb" : ".md");
                if (toNotebook) MarkdownNotebook.FromMarkdown(File.ReadAllText(path), path).Save(target);
                else AtomicFile.WriteAllText(target, MarkdownNotebook.ToMarkdown(Notebook.Load(path)));
                Console.Out.WriteLine($"{path} -> {target}");
                return 0;
            }
            catch (Exception e) when (e is NotebookFormatException or IOException)
            {
                Console.Error.WriteLine($"convert: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
