using CourseCompanion.Tensors;

namespace CourseCompanion.Plots;

/// <summary>
/// Decision regions of a 2-D classifier: the centres of a resolution × resolution grid of cells as one batch of points,
/// and an <see cref="Axes"/> overload that classifies them and draws the regions (what <see cref="Axes.DecisionRegions(Grid, ValueTuple{double, double}, ValueTuple{double, double})"/>
/// needs, without building the grid by hand).
/// </summary>
public static class DecisionGrid
{
    /// <summary>
    /// The cell centres as a [resolution², 2] float32 batch in row-major order: point iy·resolution + ix is
    /// (x.Min + (ix + ½)·Δx, y.Min + (iy + ½)·Δy), row 0 at the bottom, as <see cref="Axes.DecisionRegions(Grid, ValueTuple{double, double}, ValueTuple{double, double})"/> draws it.
    /// </summary>
    public static Tensor Points((double Min, double Max) x, (double Min, double Max) y, int resolution = 200)
    {
        if (resolution < 1) throw new ArgumentOutOfRangeException(nameof(resolution), "The grid needs at least one cell.");
        var data = new float[resolution * resolution * 2];
        double dx = (x.Max - x.Min) / resolution, dy = (y.Max - y.Min) / resolution;
        for (int iy = 0; iy < resolution; iy++)
            for (int ix = 0; ix < resolution; ix++)
            {
                int k = 2 * (iy * resolution + ix);
                data[k] = (float)(x.Min + (ix + 0.5) * dx);
                data[k + 1] = (float)(y.Min + (iy + 0.5) * dy);
            }
        return Tensor.FromArray(data, resolution * resolution, 2);
    }

    /// <summary>
    /// Classifies the grid's points with <paramref name="classify"/> (a [n, 2] batch in, n class indices out, run without
    /// a graph) and draws the regions; add the data on top with <see cref="Axes.Scatter"/> and <c>classes:</c>.
    /// </summary>
    public static Axes DecisionRegions(this Axes axes, Func<Tensor, Tensor> classify, (double Min, double Max) x, (double Min, double Max) y, int resolution = 200)
    {
        Tensor classes;
        using (Autograd.NoGrad()) classes = classify(Points(x, y, resolution));
        if (classes.NumEl != resolution * resolution)
            throw new ArgumentException($"The classifier returned {classes.NumEl} values for {resolution * resolution} points; it must return one class index per point.", nameof(classify));
        return axes.DecisionRegions(classes.Double().Reshape(resolution, resolution), x, y);
    }
}
