namespace CourseCompanion.Plots.Marks;

/// <summary>One thing drawn in an axes (a line, a set of points, a heatmap, ...).</summary>
internal interface IMark
{
    /// <summary>Data values whose extremes the axes must show.</summary>
    (IEnumerable<double> X, IEnumerable<double> Y) Extent { get; }

    /// <summary>True when the extent is the exact edge (images, grids), so the axes adds no margin.</summary>
    bool Tight => false;

    IEnumerable<LegendEntry> Legend => [];

    /// <summary>Data points the mark covers, for placing the legend where it hides the least.</summary>
    IEnumerable<(double X, double Y)> Occupied => Extent.X.Zip(Extent.Y);

    void Render(SvgWriter svg, Projection projection);
}

/// <summary>How a legend entry is drawn.</summary>
internal enum LegendSymbol { Line, Marker, Patch }

/// <summary>One row of a legend.</summary>
internal readonly record struct LegendEntry(string Label, string Color, LegendSymbol Symbol, string Dash = "");
