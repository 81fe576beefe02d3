using System.Globalization;

namespace CourseCompanion.Plots;

/// <summary>Viridis, a perceptually uniform, colour-blind-safe colour map (matplotlib's default), for heatmaps and contours.</summary>
public static class Colormap
{
    private static readonly int[] Anchors =
        [0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725];

    /// <summary>The colour for <paramref name="t"/> in [0, 1] (clipped) as "#rrggbb".</summary>
    public static string Viridis(double t)
    {
        var (r, g, b) = ViridisRgb(t);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    internal static (int R, int G, int B) ViridisRgb(double t)
    {
        var position = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1) * (Anchors.Length - 1);
        var i = Math.Min((int)position, Anchors.Length - 2);
        var f = position - i;
        int Channel(int shift) => (int)Math.Round(((Anchors[i] >> shift) & 255) * (1 - f) + ((Anchors[i + 1] >> shift) & 255) * f);
        return (Channel(16), Channel(8), Channel(0));
    }

    /// <summary>Black or white, whichever reads better on the colour "#rrggbb".</summary>
    internal static string TextColorOn(string hex)
    {
        var rgb = int.Parse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var luminance = 0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
        return luminance > 140 ? "#000" : "#fff";
    }
}
