namespace CourseCompanion.Plots;

/// <summary>The Okabe–Ito colour-blind-safe palette, in the order series get their colours (yellow last: weak on white).</summary>
public static class Palette
{
    /// <summary>Blue, orange, bluish green, vermillion, reddish purple, sky blue, black, yellow.</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>The colour for series or class number <paramref name="index"/>, cycling.</summary>
    public static string Color(int index) => Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
}
