namespace CourseCompanion.Plots;

/// <summary>
/// The formatter source named by <see cref="TypeFormatterSourceAttribute"/> on every plot type:
/// one formatter for SVG objects and one for PNG objects (see the attribute for the convention).
/// </summary>
internal sealed class RichOutputFormatters
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new MimeFormatter(MimeTypes.Svg, typeof(ISvgRenderable),
            instance => (instance as ISvgRenderable)?.ToSvg());
        yield return new MimeFormatter(MimeTypes.Png, typeof(IPngRenderable),
            instance => instance is IPngRenderable png ? Convert.ToBase64String(png.ToPng()) : null);
    }
}

/// <summary>A convention-shaped formatter: writes one MIME type's text for instances of <see cref="Type"/>.</summary>
internal sealed class MimeFormatter(string mimeType, Type type, Func<object, string?> render)
{
    public string MimeType { get; } = mimeType;

    public Type Type { get; } = type;

    public bool Format(object instance, TextWriter writer)
    {
        var text = render(instance);
        if (text is null) return false;
        writer.Write(text);
        return true;
    }
}
