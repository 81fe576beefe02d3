namespace CourseCompanion.Plots;

/// <summary>An object that a notebook shows as an SVG image (<c>image/svg+xml</c>).</summary>
public interface ISvgRenderable
{
    /// <summary>The complete, self-contained SVG document.</summary>
    string ToSvg();
}

/// <summary>An object that a notebook shows as a PNG image (<c>image/png</c>).</summary>
public interface IPngRenderable
{
    /// <summary>The PNG file's bytes.</summary>
    byte[] ToPng();
}

/// <summary>The MIME types our rich output uses.</summary>
public static class MimeTypes
{
    /// <summary>SVG markup.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>PNG, written as base64 text.</summary>
    public const string Png = "image/png";
}
