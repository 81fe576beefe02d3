namespace CourseCompanion.Tests.Kernels;

/// <summary>The textbook triple loop in float64: the reference every GEMM test compares against.</summary>
internal static class NaiveGemm
{
    /// <summary>C = alpha·op(A)·op(B) + beta·C, and for each element the sum of |terms| (to scale the tolerance).</summary>
    public static (double[] C, double[] Magnitude) Run(bool transA, bool transB, int m, int n, int k, double alpha,
        double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var result = (double[])c.Clone();
        var magnitude = new double[result.Length];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = (transA ? a[p * lda + i] : a[i * lda + p]) * (transB ? b[j * ldb + p] : b[p * ldb + j]);
                    sum += term;
                    abs += Math.Abs(term);
                }
                double old = beta == 0 ? 0 : beta * c[i * ldc + j];
                result[i * ldc + j] = alpha * sum + old;
                magnitude[i * ldc + j] = Math.Abs(alpha) * abs + Math.Abs(old);
            }
        return (result, magnitude);
    }
}
