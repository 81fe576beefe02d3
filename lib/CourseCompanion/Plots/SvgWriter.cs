using System.Globalization;
using System.Security;
using System.Text;

namespace CourseCompanion.Plots;

/// <summary>
/// Writes SVG elements with inline attributes only, numbers in invariant culture rounded to 0.01 px,
/// and no ids, so documents are deterministic and several can sit inline in one HTML page.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder text = new();

    public SvgWriter(double width, double height)
    {
        text.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" ")
            .Append($"viewBox=\"0 0 {N(width)} {N(height)}\" font-family=\"sans-serif\" font-size=\"12\">\n")
            .Append($"<rect width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#fff\"/>\n");
    }

    /// <summary>A number as SVG text: invariant culture, at most two decimals, no "-0".</summary>
    public static string N(double value)
    {
        var rounded = Math.Round(value, 2);
        return rounded == 0 ? "0" : rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    public static string Escape(string s) => SecurityElement.Escape(s);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string extra = "") =>
        text.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{extra}/>\n");

    public void Rect(double x, double y, double w, double h, string fill, string extra = "") =>
        text.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"{fill}\"{extra}/>\n");

    public void Circle(double cx, double cy, double r, string fill, string extra = "") =>
        text.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\"{extra}/>\n");

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width, string extra = "") =>
        text.Append($"<polyline points=\"{string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\" fill=\"none\" ")
            .Append($"stroke=\"{stroke}\" stroke-width=\"{N(width)}\" stroke-linejoin=\"round\"{extra}/>\n");

    public void Path(string d, string stroke, double width, string extra = "") =>
        text.Append($"<path d=\"{d}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"{extra}/>\n");

    /// <summary>Text; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> in degrees about (x, y).</summary>
    public void Text(double x, double y, string s, double size = 12, string anchor = "start", double rotate = 0, string extra = "")
    {
        var transform = rotate == 0 ? "" : $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"";
        text.Append($"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\" text-anchor=\"{anchor}\"{transform}{extra}>")
            .Append(Escape(s)).Append("</text>\n");
    }

    /// <summary>An embedded PNG drawn with sharp (nearest-neighbour) pixels.</summary>
    public void Image(double x, double y, double w, double h, byte[] png) =>
        text.Append($"<image x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" preserveAspectRatio=\"none\" ")
            .Append("style=\"image-rendering:pixelated\" href=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"/>\n");

    /// <summary>Starts a nested viewport at (x, y): its content uses local coordinates and is clipped to w × h.</summary>
    public void BeginViewport(double x, double y, double w, double h) =>
        text.Append($"<svg x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\">\n");

    public void EndViewport() => text.Append("</svg>\n");

    public override string ToString() => text + "</svg>\n";
}
