namespace CourseCompanion.Plots;

/// <summary>Maps data coordinates to pixels inside a plot area of <see cref="Width"/> × <see cref="Height"/>.</summary>
/// <remarks>The limits are in scale space (log10 of the data on log axes); y grows upward unless <see cref="YInverted"/>.</remarks>
internal sealed record Projection(
    double Width, double Height, AxisScale XScale, AxisScale YScale,
    double XMin, double XMax, double YMin, double YMax, bool YInverted)
{
    public double X(double x) => (XScale.Forward(x) - XMin) / (XMax - XMin) * Width;

    public double Y(double y)
    {
        var t = (YScale.Forward(y) - YMin) / (YMax - YMin);
        return (YInverted ? t : 1 - t) * Height;
    }

    /// <summary>The pixel y of a bar's base: y = 0, or the bottom edge where 0 has no position (log axes).</summary>
    public double Baseline => YScale == AxisScale.Log ? (YInverted ? 0 : Height) : Y(0);
}
