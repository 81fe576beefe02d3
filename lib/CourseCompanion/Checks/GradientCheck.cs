using CourseCompanion.Tensors;

namespace CourseCompanion.Checks;

/// <summary>
/// Compares autograd gradients with central finite differences in float64:
/// n_i = (L(θ + h·e_i) − L(θ − h·e_i)) / 2h, with L = Σ f(θ) ⊙ w for fixed random weights w
/// (so every output element matters). An entry passes when |a − n| ≤ tolerance · max(|a|, |n|)
/// or |a − n| ≤ absoluteTolerance (gradients that are zero up to rounding).
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks every floating-point input of <paramref name="f"/>; inputs are copied to float64 and left unchanged.</summary>
    public static GradientCheckResult Run(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-5, double tolerance = 1e-6, double absoluteTolerance = 1e-9, ulong seed = 0)
    {
        var x = inputs.Select(t => t.DType.IsFloatingPoint() ? t.Detach().Double().Clone().RequiresGrad_() : t).ToArray();
        var output = f(x);
        output.RequireFloatingPoint("GradientCheck");
        var weights = Tensor.Randn(output.ShapeArray, new Generator(seed), DType.Float64);
        var loss = (output.Double() * weights).Sum();
        var analytic = Autograd.Grad(loss, x.Where(t => t.RequiresGrad).ToArray());

        GradientCheckResult? worst = null;
        double worstBadness = -1;
        int k = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!x[i].RequiresGrad) continue;
            var a = analytic[k++].ToArray<double>();
            var data = x[i].Storage<double>();
            for (int j = 0; j < a.Length; j++)
            {
                double saved = data[j];
                data[j] = saved + eps;
                double plus = Evaluate(f, x, weights);
                data[j] = saved - eps;
                double minus = Evaluate(f, x, weights);
                data[j] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double diff = Math.Abs(a[j] - numeric), scale = Math.Max(Math.Abs(a[j]), Math.Abs(numeric));
                // badness > 1 fails; NaN compares false, so a NaN gradient counts as failing
                double badness = diff / Math.Max(tolerance * scale, absoluteTolerance);
                if (double.IsNaN(badness)) badness = double.PositiveInfinity;
                if (badness <= worstBadness) continue;
                worstBadness = badness;
                worst = new GradientCheckResult(badness <= 1, i, Shapes.Unravel(j, x[i].ShapeArray), a[j], numeric, diff / Math.Max(scale, 1e-12), tolerance);
            }
        }
        return worst ?? new GradientCheckResult(true, -1, [], 0, 0, 0, tolerance);
    }

    /// <summary>Runs the check and throws with the worst element and a hint when it fails.</summary>
    public static void Assert(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = 1e-5, double tolerance = 1e-6, string? hint = null)
    {
        var result = Run(f, inputs, eps, tolerance);
        if (!result.Passed)
            throw new GradientCheckException(result.ToString() + (hint is null ? "" : $" Possible reason: {hint}"));
    }

    private static double Evaluate(Func<Tensor[], Tensor> f, Tensor[] x, Tensor weights)
    {
        using (Autograd.NoGrad()) return (f(x).Double() * weights).Sum().Item();
    }
}
