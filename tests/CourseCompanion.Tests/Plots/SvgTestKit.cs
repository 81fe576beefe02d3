using System.Xml.Linq;
using CourseCompanion.Plots;

namespace CourseCompanion.Tests.Plots;

/// <summary>Parses a figure's SVG and counts its elements.</summary>
internal static class SvgTestKit
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(ISvgRenderable figure) => XDocument.Parse(figure.ToSvg());

    /// <summary>Elements of <paramref name="name"/> inside the nested plot-area viewports, i.e. the data marks.</summary>
    public static List<XElement> MarksNamed(XDocument svg, string name) =>
        svg.Root!.Elements(Svg + "svg").SelectMany(viewport => viewport.Descendants(Svg + name)).ToList();

    public static Figure Single(Action<Axes> draw)
    {
        var figure = new Figure();
        draw(figure.Ax);
        return figure;
    }
}
