namespace CourseCompanion;

/// <summary>
/// Marks a type as rich notebook output, following .NET Interactive's convention-based formatter sources,
/// so it renders in Polyglot Notebooks and in our executor without referencing any .NET Interactive package.
/// </summary>
/// <remarks>
/// The host finds this attribute by its simple name <c>TypeFormatterSourceAttribute</c>, reads
/// <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection, creates the source with its
/// public parameterless constructor and calls its public <c>IEnumerable&lt;object&gt; CreateTypeFormatters()</c>.
/// Each formatter object has <c>string MimeType</c>, <c>Type Type</c> and <c>bool Format(object instance, TextWriter writer)</c>,
/// which writes the value as text and returns false for instances it does not handle. Image types are written as
/// base64 text (as in a notebook's <c>image/png</c> field); <c>image/svg+xml</c> is written as the SVG markup itself.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> yields the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types to show, best first; we give exactly one so notebook viewers cannot pick another.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
