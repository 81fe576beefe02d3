using CourseCompanion.Notebooks.Execution;

namespace CourseCompanion.Notebooks.Tests;

public class ReferenceAndFormattingTests
{
    [Fact]
    public async Task Hash_r_resolves_relative_to_the_notebook_and_loads_dependencies_beside_the_dll()
    {
        string folder = Fixture.NewFolder();
        string libFolder = Path.Combine(folder, "build", "Lib");
        string dep = FixtureAssembly.Compile(libFolder, "Dep", "public static class Dep { public static string Hello() => \"from dep\"; }");
        FixtureAssembly.Compile(libFolder, "Lib", "public static class Greeter { public static string Greet() => Dep.Hello() + \"!\"; }", dep);
        string notebooks = Path.Combine(folder, "notebooks");
        Directory.CreateDirectory(notebooks);
        var nb = await ScratchNotebook.RunAsync(notebooks, new RunOptions(), "#r \"../build/Lib/Lib.dll\"", "Greeter.Greet()");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.Equal("from dep!", (string)nb.Output(1, 0)["data"]!["text/plain"]!);
    }

    private const string FormatterConvention = """
        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface)]
        public class TypeFormatterSourceAttribute : Attribute
        {
            public TypeFormatterSourceAttribute(Type source) => FormatterSourceType = source;
            public Type FormatterSourceType { get; }
            public string[] PreferredMimeTypes { get; set; } = new string[0];
        }
        public class Formatter<T>
        {
            public Formatter(string mime, string text) { MimeType = mime; _text = text; }
            private readonly string _text;
            public string MimeType { get; }
            public Type Type => typeof(T);
            public bool Format(object instance, TextWriter writer) { writer.Write(_text); return true; }
        }
        public class FigureFormatters
        {
            public IEnumerable<object> CreateTypeFormatters() => new object[]
            {
                new Formatter<Figure>("text/html", "<div>figure</div>"),
                new Formatter<Figure>("image/svg+xml", "<svg>\n</svg>"),
            };
        }
        public class PageFormatters
        {
            public IEnumerable<object> CreateTypeFormatters() => new object[]
            {
                new Formatter<Page>("text/html", "<p>page</p>"),
                new Formatter<Page>("text/markdown", "*page*"),
            };
        }
        public class PlotFormatters
        {
            public IEnumerable<object> CreateTypeFormatters() => new object[] { new Formatter<IPlot>("image/png", "iVBORw0K\nGgo=") };
        }
        [TypeFormatterSource(typeof(FigureFormatters), PreferredMimeTypes = new[] { "image/svg+xml" })]
        public class Figure { public override string ToString() => "Figure(1 panel)"; }
        [TypeFormatterSource(typeof(PageFormatters))]
        public class Page { }
        [TypeFormatterSource(typeof(PlotFormatters))]
        public interface IPlot { }
        public class LinePlot : IPlot { public override string ToString() => "LinePlot"; }
        """;

    [Fact]
    public async Task A_type_formatter_source_gives_one_preferred_mime_type_plus_text_plain()
    {
        var nb = await ScratchNotebook.RunAsync(FormatterConvention, "new Figure()", "display(new LinePlot());", "new SubFigure()",
            "class SubFigure : Figure { }");
        var figure = nb.Output(1, 0)["data"]!.AsObject();
        Assert.Equal(["image/svg+xml", "text/plain"], figure.Select(p => p.Key).Order());
        Assert.Equal("<svg>\n</svg>", (string)figure["image/svg+xml"]!);
        Assert.Equal("Figure(1 panel)", (string)figure["text/plain"]!);
        var plot = nb.Output(2, 0)["data"]!.AsObject();
        Assert.Equal(["image/png", "text/plain"], plot.Select(p => p.Key).Order());
        Assert.Equal("iVBORw0KGgo=", (string)plot["image/png"]!);
    }

    [Fact]
    public async Task Without_preferred_mime_types_the_first_formatter_wins_and_inheritance_counts()
    {
        var nb = await ScratchNotebook.RunAsync(FormatterConvention, "class SubFigure : Figure { }", "new SubFigure()", "new Page()");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.NotNull(nb.Output(2, 0)["data"]!["image/svg+xml"]);
        var page = nb.Output(3, 0)["data"]!.AsObject();
        Assert.Equal(["text/html", "text/plain"], page.Select(p => p.Key).Order());
    }
}
