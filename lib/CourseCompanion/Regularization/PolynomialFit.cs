using CourseCompanion.Tensors;

namespace CourseCompanion.Regularization;

/// <summary>
/// Polynomial regression, the lecture's example of model capacity: features 1, x, x², …, x^degree and (ridge) least
/// squares on them. Keep x within about [−1, 1] so that high degrees stay well conditioned.
/// </summary>
public static class PolynomialFit
{
    /// <summary>The design matrix [n, degree + 1] (float64) with columns x⁰ … x^degree for inputs <paramref name="x"/> [n].</summary>
    public static Tensor Features(Tensor x, int degree)
    {
        if (degree < 0) throw new ArgumentOutOfRangeException(nameof(degree), degree, "PolynomialFit: the degree must be non-negative.");
        var xs = x.To(DType.Float64).Contiguous().Reshape(-1).ToArray<double>();
        var values = new double[xs.Length * (degree + 1)];
        for (int i = 0; i < xs.Length; i++)
        {
            double power = 1;
            for (int k = 0; k <= degree; k++, power *= xs[i]) values[i * (degree + 1) + k] = power;
        }
        return Tensor.FromArray(values, xs.Length, degree + 1);
    }

    /// <summary>The coefficients [degree + 1] (lowest power first) that fit <paramref name="y"/> [n] at <paramref name="x"/> [n].</summary>
    public static Tensor Fit(Tensor x, Tensor y, int degree, double lambda = 0) =>
        Ridge.Fit(Features(x, degree), y.To(DType.Float64).Reshape(-1), lambda);

    /// <summary>The polynomial with <paramref name="coefficients"/> evaluated at <paramref name="x"/> [n] (float64).</summary>
    public static Tensor Evaluate(Tensor coefficients, Tensor x) =>
        Features(x, coefficients.Size(0) - 1).MatMul(coefficients.To(DType.Float64));
}
