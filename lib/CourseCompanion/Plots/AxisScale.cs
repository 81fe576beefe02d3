namespace CourseCompanion.Plots;

/// <summary>How an axis maps data to position.</summary>
public enum AxisScale
{
    /// <summary>Equal steps in value are equal distances.</summary>
    Linear,

    /// <summary>Equal ratios are equal distances (base 10); values ≤ 0 are left out.</summary>
    Log,
}

internal static class AxisScaleExtensions
{
    /// <summary>The value in the axis's own space (log10 for log scales, NaN where undefined).</summary>
    public static double Forward(this AxisScale scale, double value) =>
        scale == AxisScale.Log ? (value > 0 ? Math.Log10(value) : double.NaN) : value;

    public static double Inverse(this AxisScale scale, double value) => scale == AxisScale.Log ? Math.Pow(10, value) : value;
}
