using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// Norm constraint by projection: after each optimizer step a weight w with ‖w‖₂ &gt; α is pulled back onto the ball,
/// w ← α·w/‖w‖₂; inside the ball it is left alone. This solves min L s.t. ‖w‖ ≤ α by projected gradient descent.
/// With <c>dim</c> set, each slice along that dimension (e.g. each unit's incoming weights, dim 0 of a Linear weight) is
/// constrained on its own, as in the max-norm regularisation of Srivastava et al. 2014.
/// </summary>
public static class MaxNorm
{
    /// <summary>The projection of <paramref name="w"/> onto the ball of radius <paramref name="maxNorm"/> (a new tensor).</summary>
    public static Tensor Project(Tensor w, double maxNorm, int? dim = null)
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "MaxNorm: the radius must be positive.");
        Tensor norm;
        if (dim is int d)
        {
            int[] others = Enumerable.Range(0, w.Dim).Where(i => i != (d < 0 ? d + w.Dim : d)).ToArray();
            norm = (w * w).Sum(others, keepDim: true).Sqrt();
        }
        else norm = (w * w).Sum().Sqrt();
        var scale = (norm.Clamp(min: maxNorm) / maxNorm).Reciprocal();  // 1 inside the ball, α/‖w‖ outside
        return w * scale;
    }

    /// <summary>Projects every parameter in place (no graph is recorded); call it right after <c>optimizer.Step()</c>.</summary>
    public static void Apply_(IEnumerable<Tensor> parameters, double maxNorm, int? dim = null)
    {
        using (Autograd.NoGrad())
            foreach (var p in parameters) p.Copy_(Project(p.Detach(), maxNorm, dim));
    }
}
