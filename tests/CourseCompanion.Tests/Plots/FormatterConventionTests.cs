using System.Collections;
using System.Reflection;
using CourseCompanion.Plots;

namespace CourseCompanion.Tests.Plots;

/// <summary>Renders objects the way a notebook host that does not reference us finds formatters: by names, via reflection.</summary>
public class FormatterConventionTests
{
    public static TheoryData<string> Kinds => ["figure", "axes", "training curve", "image grid"];

    private static object Example(string kind) => kind switch
    {
        "figure" => new Figure(),
        "axes" => new Figure().Ax.Plot(new double[] { 1, 2 }),
        "training curve" => new TrainingCurve(),
        _ => new ImageGrid([new double[,] { { 0.5 } }]),
    };

    private static (string[] Preferred, IEnumerable<object> Formatters) Discover(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var preferred = (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        return (preferred, formatters.Cast<object>());
    }

    private static (bool Handled, string Text) Format(object formatter, object value)
    {
        var writer = new StringWriter();
        var handled = (bool)formatter.GetType().GetMethod("Format", [typeof(object), typeof(TextWriter)])!.Invoke(formatter, [value, writer])!;
        return (handled, writer.ToString());
    }

    private static T Property<T>(object formatter, string name) => (T)formatter.GetType().GetProperty(name)!.GetValue(formatter)!;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_object_prefers_exactly_one_rich_mime_type_and_renders_in_it(string kind)
    {
        var value = Example(kind);
        var (preferred, formatters) = Discover(value);

        var mime = Assert.Single(preferred);
        var formatter = formatters.Single(f => Property<string>(f, "MimeType") == mime && Property<Type>(f, "Type").IsInstanceOfType(value));
        var (handled, text) = Format(formatter, value);

        Assert.True(handled);
        if (mime == MimeTypes.Svg) Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", text);
        else Assert.Equal(((IPngRenderable)value).ToPng(), Convert.FromBase64String(text)); // base64 text, as in .ipynb
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Formatters_for_other_mime_types_decline(string kind)
    {
        var value = Example(kind);
        var (preferred, formatters) = Discover(value);

        foreach (var other in formatters.Where(f => Property<string>(f, "MimeType") != preferred[0]))
            Assert.False(Format(other, value).Handled);
    }

    [Fact]
    public void The_attribute_lives_in_the_library_namespace_with_the_conventional_shape()
    {
        var attribute = typeof(TypeFormatterSourceAttribute);

        Assert.Equal("CourseCompanion", attribute.Namespace);
        Assert.NotNull(attribute.GetConstructor([typeof(Type)]));
        Assert.True(attribute.GetProperty("PreferredMimeTypes")!.CanWrite);
        Assert.True(attribute.GetCustomAttribute<AttributeUsageAttribute>()!.Inherited);
    }

    [Fact]
    public void Plain_text_comes_from_ToString()
    {
        var curve = new TrainingCurve();
        curve.Add(1, "train loss", 0.5);
        curve.Add(2, "train loss", 0.25);

        Assert.Equal("epoch 2: train loss 0.25", curve.ToString());
        Assert.Contains("2×2 panels", Figure.Subplots(2, 2).ToString());
    }
}
