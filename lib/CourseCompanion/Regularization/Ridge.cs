using CourseCompanion.Tensors;
using MathNet.Numerics.LinearAlgebra;

namespace CourseCompanion.Regularization;

/// <summary>
/// Linear least squares with an L2 penalty (ridge regression, Tikhonov): w = argmin ‖Xw − y‖² + λ‖w‖², whose closed form
/// is w = (XᵀX + λI)⁻¹Xᵀy. Gradient descent on the same objective (weight decay) converges to it. λ = 0 gives ordinary
/// least squares. Solved in double precision by QR of the stacked system [X; √λ·I]·w ≈ [y; 0], which stays accurate for
/// the ill-conditioned polynomial design matrices of the bias–variance experiments.
/// </summary>
public static class Ridge
{
    /// <summary>The weights [d] (float64) for inputs <paramref name="x"/> [n, d] and targets <paramref name="y"/> [n].</summary>
    public static Tensor Fit(Tensor x, Tensor y, double lambda = 0)
    {
        if (x.Dim != 2 || y.Dim != 1 || y.Size(0) != x.Size(0))
            throw new ArgumentException($"Ridge.Fit: expected x [n, d] and y [n], got [{string.Join(", ", x.Shape)}] and [{string.Join(", ", y.Shape)}].");
        if (!(lambda >= 0)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Ridge.Fit: λ must be non-negative.");
        int n = x.Size(0), d = x.Size(1);
        var xs = x.To(DType.Float64).Contiguous().ToArray<double>();
        var ys = y.To(DType.Float64).Contiguous().ToArray<double>();
        int rows = lambda > 0 ? n + d : n;
        var a = Matrix<double>.Build.Dense(rows, d, (i, j) => i < n ? xs[i * d + j] : (i - n == j ? Math.Sqrt(lambda) : 0));
        var b = Vector<double>.Build.Dense(rows, i => i < n ? ys[i] : 0);
        var w = rows >= d ? a.QR().Solve(b) : a.Svd().Solve(b);
        return Tensor.FromArray(w.ToArray(), d);
    }
}
