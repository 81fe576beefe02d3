using CourseCompanion.Plots;
using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// A two-parameter loss surface L(x, y) for watching optimizers move: the function (written with tensor operations, so
/// it works for a parameter vector with autograd and for a whole grid at once), a start point, the plotting window and
/// the minimum value L*. The classic test functions of the optimizer comparisons are built in.
/// </summary>
public sealed record LossSurface(
    string Name,
    Func<Tensor, Tensor, Tensor> Function,
    (double X, double Y) Start,
    (double Min, double Max) XRange,
    (double Min, double Max) YRange,
    double Minimum)
{
    /// <summary>The ill-conditioned bowl L = ½(x² + 10y²): curvature 1 along x, 10 along y; minimum 0 at the origin.</summary>
    public static LossSurface Quadratic { get; } = new("quadratic ½(x² + 10y²)",
        (x, y) => 0.5 * (x * x + 10 * y * y), (-4.5, 1.5), (-5, 5), (-2.5, 2.5), 0);

    /// <summary>Rosenbrock's banana valley L = (1 − x)² + 100(y − x²)²: a curved, flat valley floor; minimum 0 at (1, 1).</summary>
    public static LossSurface Rosenbrock { get; } = new("Rosenbrock (1 − x)² + 100(y − x²)²",
        (x, y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x), (-1.2, 1.0), (-2, 2), (-1, 3), 0);

    /// <summary>
    /// A saddle between two valleys, L = ½x² + ¼y⁴ − ½y²: the origin is a saddle point (Hessian eigenvalues 1 and −1),
    /// the minima −¼ lie at (0, ±1). The start sits almost exactly on the ridge line y = 0.
    /// </summary>
    public static LossSurface Saddle { get; } = new("saddle ½x² + ¼y⁴ − ½y²",
        (x, y) => 0.5 * x * x + 0.25 * y * y * y * y - 0.5 * y * y, (2.0, 1e-3), (-2.5, 2.5), (-1.6, 1.6), -0.25);

    /// <summary>L at a parameter vector w = (x, y) of shape [2]; differentiable.</summary>
    public Tensor Evaluate(Tensor w) => Function(w[0], w[1]);

    /// <summary>L at one point, as a number.</summary>
    public double Evaluate(double x, double y)
    {
        using var _ = Autograd.NoGrad();
        return Function(Tensor.FromArray([x]), Tensor.FromArray([y])).Item();
    }

    /// <summary>L on an n × n grid over the plotting window: z[iy, ix] at (xs[ix], ys[iy]).</summary>
    public (Tensor Z, Tensor Xs, Tensor Ys) Sample(int n = 81)
    {
        using var _ = Autograd.NoGrad();
        var xs = Tensor.Linspace(XRange.Min, XRange.Max, n, DType.Float64);
        var ys = Tensor.Linspace(YRange.Min, YRange.Max, n, DType.Float64);
        return (Function(xs.Unsqueeze(0), ys.Unsqueeze(1)), xs, ys);
    }

    /// <summary>
    /// Draws the contour lines of the surface on a panel at <paramref name="levels"/> levels spaced evenly in
    /// log(L − L*), so that both the steep walls and the flat floor show, and sets the panel's window and title.
    /// </summary>
    public Axes DrawContours(Axes ax, int levels = 12, int n = 81)
    {
        var (z, xs, ys) = Sample(n);
        var gaps = (z - Minimum).ToArray<double>();
        double top = gaps.Max(), bottom = Math.Max(top * 1e-5, 1e-3);
        var values = Enumerable.Range(0, levels)
            .Select(i => Minimum + bottom * Math.Pow(top / bottom, (i + 0.5) / levels)).ToArray();
        ax.Contour(z, xs, ys, values);
        ax.XLim = XRange;
        ax.YLim = YRange;
        ax.Title = Name;
        return ax;
    }

    /// <inheritdoc/>
    public override string ToString() => $"LossSurface {Name}, start ({Start.X}, {Start.Y}), minimum {Minimum}";
}
