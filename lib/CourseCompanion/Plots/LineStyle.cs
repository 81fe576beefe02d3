namespace CourseCompanion.Plots;

/// <summary>How a line is stroked.</summary>
public enum LineStyle
{
    /// <summary>"-"</summary>
    Solid,

    /// <summary>"--"</summary>
    Dashed,

    /// <summary>":"</summary>
    Dotted,
}

internal static class LineStyleExtensions
{
    /// <summary>The SVG stroke-dasharray value, empty for solid.</summary>
    public static string DashArray(this LineStyle style) => style switch
    {
        LineStyle.Dashed => "6 4",
        LineStyle.Dotted => "1.5 3",
        _ => "",
    };

    public static string DashAttribute(this LineStyle style) =>
        style == LineStyle.Solid ? "" : $" stroke-dasharray=\"{style.DashArray()}\"";
}
