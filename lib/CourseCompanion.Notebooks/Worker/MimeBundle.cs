using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>
/// Turns a value into a Jupyter MIME bundle. Rich output follows .NET Interactive's convention without referencing it:
/// a type (or a base type or interface) carrying an attribute named <c>TypeFormatterSourceAttribute</c> names a formatter
/// source whose <c>CreateTypeFormatters()</c> yields objects with <c>MimeType</c>, <c>Type</c> and
/// <c>bool Format(object, TextWriter)</c>. The bundle is that one MIME type (the first of the attribute's
/// <c>PreferredMimeTypes</c> offered, else the first formatter) plus <c>text/plain</c>. Image formatters write base64.
/// </summary>
internal static class MimeBundle
{
    private const string AttributeName = "TypeFormatterSourceAttribute";
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<RichFormatter>> Formatters = new();

    public static JsonObject For(object? value)
    {
        var bundle = new JsonObject();
        if (value is not null && Rich(value) is var (mime, text))
        {
            bundle[mime] = mime.StartsWith("image/", StringComparison.Ordinal) && mime != "image/svg+xml"
                ? string.Concat(text.Where(c => !char.IsWhiteSpace(c)))
                : text;
        }
        bundle["text/plain"] ??= PlainText.Format(value);
        return bundle;
    }

    private static (string Mime, string Text)? Rich(object value)
    {
        foreach (var formatter in Formatters.GetOrAdd(value.GetType(), FormattersFor))
        {
            if (!formatter.Type.IsInstanceOfType(value)) continue;
            var writer = new StringWriter();
            if (formatter.Format(value, writer)) return (formatter.MimeType, writer.ToString());
        }
        return null;
    }

    /// <summary>The formatters the type's attributes offer, preferred MIME types first.</summary>
    private static IReadOnlyList<RichFormatter> FormattersFor(Type type)
    {
        var result = new List<RichFormatter>();
        var annotated = new[] { type }.Concat(BaseTypes(type)).Concat(type.GetInterfaces());
        foreach (var attribute in annotated.SelectMany(t => t.GetCustomAttributes(inherit: false)).Where(a => a.GetType().Name == AttributeName))
        {
            var attributeType = attribute.GetType();
            if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
            var preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] ?? [];
            var source = Activator.CreateInstance(sourceType, nonPublic: true);
            var created = sourceType.GetMethod("CreateTypeFormatters")?.Invoke(source, null) as IEnumerable ?? Array.Empty<object>();
            var formatters = created.Cast<object>().Select(RichFormatter.From).OfType<RichFormatter>().ToList();
            result.AddRange(formatters
                .OrderBy(f => Array.IndexOf(preferred, f.MimeType) is var i && i >= 0 ? i : preferred.Length));
        }
        return result;
    }

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType) yield return t;
    }

    /// <summary>One formatter object, called by reflection.</summary>
    private sealed record RichFormatter(string MimeType, Type Type, Func<object, TextWriter, bool> Format)
    {
        public static RichFormatter? From(object formatter)
        {
            var type = formatter.GetType();
            var mime = type.GetProperty("MimeType")?.GetValue(formatter) as string;
            var target = type.GetProperty("Type")?.GetValue(formatter) as Type ?? typeof(object);
            var format = type.GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)]);
            if (mime is null || format is null) return null;
            return new RichFormatter(mime, target, (value, writer) => format.Invoke(formatter, [value, writer]) is true);
        }
    }
}
