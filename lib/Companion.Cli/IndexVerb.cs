using System.CommandLine;
using CourseCompanion.Notebooks.Catalog;
using CourseCompanion.Notebooks.Format;

namespace Companion.Cli;

/// <summary>The <c>index</c> verb: regenerates notebooks/README.md and reports syllabus coverage of each delivered chapter.</summary>
internal static class IndexVerb
{
    public static Command Create()
    {
        var folder = new Option<string>("--notebooks") { Description = "The notebooks folder", DefaultValueFactory = _ => "notebooks" };
        var check = new Option<bool>("--check") { Description = "Write nothing; fail if README.md is out of date or a delivered chapter misses topics" };
        var command = new Command("index", "Write notebooks/README.md (table of contents) from the notebooks' topic tags") { folder, check };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!;
            try
            {
                var syllabus = Syllabus.Load(dir);
                var text = NotebookIndex.Render(syllabus, dir);
                var readme = Path.Combine(dir, "README.md");
                var problems = syllabus.Chapters
                    .Where(c => File.Exists(Path.Combine(dir, c.Notebook)))
                    .SelectMany(c => TopicCoverage.Check(Notebook.Load(Path.Combine(dir, c.Notebook)), syllabus.Of(c.Number)))
                    .ToList();
                foreach (var p in problems) Console.Out.WriteLine(p);
                bool stale = !File.Exists(readme) || File.ReadAllText(readme) != text;
                if (parse.GetValue(check))
                {
                    if (stale) Console.Error.WriteLine($"index: {readme} is out of date; run `companion index`");
                    return stale || problems.Count > 0 ? 1 : 0;
                }
                if (stale) AtomicFile.WriteAllText(readme, text);
                Console.Out.WriteLine($"{readme}: {(stale ? "written" : "up to date")}");
                return problems.Count > 0 ? 1 : 0;
            }
            catch (Exception e) when (e is InvalidDataException or NotebookFormatException or IOException)
            {
                Console.Error.WriteLine($"index: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
