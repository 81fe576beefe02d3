using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// The path of an optimizer over a <see cref="LossSurface"/>: the points (X[k], Y[k]) and losses L[k] before step k
/// (index 0 is the start, the last index is after the final step).
/// </summary>
public sealed record Trajectory(string Label, double[] X, double[] Y, double[] Loss, double Minimum)
{
    /// <summary>Number of steps taken.</summary>
    public int Steps => Loss.Length - 1;

    /// <summary>The optimality gap L[k] − L* after every step (what a log-scale loss plot shows).</summary>
    public double[] Gap => Loss.Select(l => l - Minimum).ToArray();

    /// <summary>The first step count k with L[k] − L* below <paramref name="tolerance"/>, or null if the path never gets there.</summary>
    public int? StepsToReach(double tolerance)
    {
        for (int k = 0; k < Loss.Length; k++)
            if (Loss[k] - Minimum < tolerance) return k;
        return null;
    }

    /// <summary>
    /// Runs an optimizer from the surface's start (or <paramref name="start"/>) for <paramref name="steps"/> steps:
    /// <paramref name="optimizer"/> builds it for the parameter tensor w = (x, y), e.g. <c>w => new Sgd(w, lr: 0.1)</c>.
    /// Each step is the ordinary loop: ZeroGrad, evaluate L(w), Backward, Step. Stops early if L becomes non-finite.
    /// </summary>
    public static Trajectory Follow(string label, LossSurface surface, Func<IEnumerable<Tensor>, Optimizer> optimizer, int steps, (double X, double Y)? start = null)
    {
        var (x0, y0) = start ?? surface.Start;
        var w = Tensor.FromArray([x0, y0]).RequiresGrad_();
        var opt = optimizer([w]);
        var xs = new List<double>(steps + 1);
        var ys = new List<double>(steps + 1);
        var losses = new List<double>(steps + 1);
        for (int k = 0; ; k++)
        {
            opt.ZeroGrad();
            var loss = surface.Evaluate(w);
            var point = w.Detach().ToArray<double>();
            xs.Add(point[0]);
            ys.Add(point[1]);
            losses.Add(loss.Item());
            if (k == steps || !double.IsFinite(losses[^1])) break;
            loss.Backward();
            opt.Step();
        }
        return new Trajectory(label, [.. xs], [.. ys], [.. losses], surface.Minimum);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Trajectory {Label}: {Steps} steps, final loss {Loss[^1]:G4}";
}
