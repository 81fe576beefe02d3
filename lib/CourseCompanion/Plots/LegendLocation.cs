namespace CourseCompanion.Plots;

/// <summary>Where an axes draws its legend (shown when some series has a label).</summary>
public enum LegendLocation
{
    /// <summary>The inside corner that covers the fewest data points.</summary>
    Best,

    /// <summary>Top right inside the plot area.</summary>
    UpperRight,

    /// <summary>Top left inside the plot area.</summary>
    UpperLeft,

    /// <summary>Bottom left inside the plot area.</summary>
    LowerLeft,

    /// <summary>Bottom right inside the plot area.</summary>
    LowerRight,

    /// <summary>No legend.</summary>
    None,
}
