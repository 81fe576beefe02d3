using CourseCompanion.Tensors;

namespace CourseCompanion.Regularization;

/// <summary>
/// Linear least squares with an L1 penalty (the lasso): w = argmin ‖Xw − y‖² + λ‖w‖₁, solved by cyclic coordinate
/// descent. Each coordinate update is a soft threshold, w_j = S(ρ_j, λ/2) / ‖x_j‖² with S(z, t) = sign(z)·max(|z| − t, 0)
/// and ρ_j = x_jᵀ(y − Xw + x_j w_j), so weights become exactly zero once λ is large enough: the sparsity of L1.
/// </summary>
public static class Lasso
{
    /// <summary>The weights [d] (float64); stops when no weight moves by more than <paramref name="tolerance"/> in a sweep.</summary>
    public static Tensor Fit(Tensor x, Tensor y, double lambda, int maxSweeps = 1000, double tolerance = 1e-10)
    {
        if (x.Dim != 2 || y.Dim != 1 || y.Size(0) != x.Size(0))
            throw new ArgumentException($"Lasso.Fit: expected x [n, d] and y [n], got [{string.Join(", ", x.Shape)}] and [{string.Join(", ", y.Shape)}].");
        if (!(lambda >= 0)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Lasso.Fit: λ must be non-negative.");
        int n = x.Size(0), d = x.Size(1);
        var xs = x.To(DType.Float64).Contiguous().ToArray<double>();
        var residual = y.To(DType.Float64).Contiguous().ToArray<double>();  // y − Xw, with w = 0 at the start
        var w = new double[d];
        var columnNorm = new double[d];
        for (int j = 0; j < d; j++) for (int i = 0; i < n; i++) columnNorm[j] += xs[i * d + j] * xs[i * d + j];
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            double largestMove = 0;
            for (int j = 0; j < d; j++)
            {
                if (columnNorm[j] == 0) continue;
                double rho = 0;
                for (int i = 0; i < n; i++) rho += xs[i * d + j] * (residual[i] + xs[i * d + j] * w[j]);
                double updated = Math.Sign(rho) * Math.Max(Math.Abs(rho) - lambda / 2, 0) / columnNorm[j];
                double move = updated - w[j];
                if (move != 0) for (int i = 0; i < n; i++) residual[i] -= xs[i * d + j] * move;
                w[j] = updated;
                largestMove = Math.Max(largestMove, Math.Abs(move));
            }
            if (largestMove <= tolerance) break;
        }
        return Tensor.FromArray(w, d);
    }
}
