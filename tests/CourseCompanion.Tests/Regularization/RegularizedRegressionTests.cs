using CourseCompanion.Regularization;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Regularization;

/// <summary>Ridge (closed form, NumPy value), lasso (sparsity, optimality), polynomial fit and the bias–variance estimate.</summary>
public class RegularizedRegressionTests
{
    private static (Tensor X, Tensor Y) Problem()
    {
        var x = (Tensor.Arange(0, 30, 1, DType.Float64) * 0.9).Cos().Reshape(10, 3);
        var y = x.MatMul(Tensor.FromArray([1.0, -2.0, 0.5])) + (Tensor.Arange(0, 10, 1, DType.Float64)).Sin() * 0.1;
        return (x, y);
    }

    [Fact]
    public void RidgeMatchesTheClosedFormFromNumPy()
    {
        var (x, y) = Problem();
        var w = Ridge.Fit(x, y, 0.7).ToArray<double>();
        // numpy.linalg.solve(X.T @ X + 0.7 I, X.T @ y)
        double[] expected = [-0.13942946842920423, -0.5593440158774625, -0.5559581634947452];
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], w[i], 1e-10);
    }

    [Fact]
    public void RidgeWithoutPenaltyIsLeastSquaresAndRecoversExactWeights()
    {
        var x = Tensor.Randn([20, 4], new Generator(1), DType.Float64);
        var truth = Tensor.FromArray([0.5, -1.0, 2.0, 0.0]);
        var w = Ridge.Fit(x, x.MatMul(truth)).ToArray<double>();
        for (int i = 0; i < 4; i++) Assert.Equal(truth.ToArray<double>()[i], w[i], 1e-10);
    }

    [Fact]
    public void LassoZeroesIrrelevantWeightsAndSatisfiesTheOptimalityConditions()
    {
        var g = new Generator(2);
        var x = Tensor.Randn([50, 8], g, DType.Float64);
        var y = x.MatMul(Tensor.FromArray([3.0, 0, 0, -2.0, 0, 0, 0, 0])) + Tensor.Randn([50], g, DType.Float64) * 0.1;
        double lambda = 20;
        var w = Lasso.Fit(x, y, lambda);
        var ws = w.ToArray<double>();
        Assert.True(ws.Count(v => v == 0) >= 5, string.Join(", ", ws));
        // subgradient condition of ‖Xw − y‖² + λ‖w‖₁: 2xⱼᵀ(y − Xw) = λ·sign(wⱼ) where wⱼ ≠ 0, |…| ≤ λ where wⱼ = 0
        var g2 = (x.T.MatMul(y - x.MatMul(w)) * 2).ToArray<double>();
        for (int j = 0; j < 8; j++)
            if (ws[j] != 0) Assert.Equal(lambda * Math.Sign(ws[j]), g2[j], 1e-6);
            else Assert.True(Math.Abs(g2[j]) <= lambda + 1e-6);
    }

    [Fact]
    public void LassoWithoutPenaltyIsLeastSquares()
    {
        var x = Tensor.Randn([30, 3], new Generator(3), DType.Float64);
        var y = x.MatMul(Tensor.FromArray([1.0, 2.0, -1.0]));
        var w = Lasso.Fit(x, y, 0).ToArray<double>();
        Assert.Equal([1.0, 2.0, -1.0], w.Select(v => Math.Round(v, 8)).ToArray());
    }

    [Fact]
    public void PolynomialFitRecoversACubic()
    {
        var x = Tensor.Linspace(-1, 1, 15, DType.Float64);
        var y = x * x * x * 2 - x + 0.5;
        var c = PolynomialFit.Fit(x, y, 3).ToArray<double>();
        Assert.Equal([0.5, -1.0, 0.0, 2.0], c.Select(v => Math.Round(v, 9)).ToArray());
        var at = PolynomialFit.Evaluate(Tensor.FromArray([0.5, 1.0, 2.0]), Tensor.FromArray([2.0])).Item();
        Assert.Equal(0.5 + 1.0 * 2 + 2.0 * 4, at, 1e-12);
    }

    [Fact]
    public void BiasVarianceTermsAddUpToTheMeasuredTestError()
    {
        var testX = Tensor.Linspace(-1, 1, 50, DType.Float64);
        foreach (int degree in new[] { 1, 3, 9 })
        {
            var r = BiasVariance.Estimate(x => Math.Sin(Math.PI * x), 0.3, 20, 400,
                (x, y) => { var c = PolynomialFit.Fit(x, y, degree); return t => PolynomialFit.Evaluate(c, t); },
                testX, generator: new Generator((ulong)degree));
            Assert.InRange(r.ExpectedTestError / r.Total, 0.95, 1.05);
        }
    }

    [Fact]
    public void LowDegreeHasHighBiasAndHighDegreeHasHighVariance()
    {
        var testX = Tensor.Linspace(-1, 1, 50, DType.Float64);
        BiasVariance Run(int degree) => BiasVariance.Estimate(x => Math.Sin(Math.PI * x), 0.3, 20, 200,
            (x, y) => { var c = PolynomialFit.Fit(x, y, degree); return t => PolynomialFit.Evaluate(c, t); },
            testX, trainX: Tensor.Linspace(-1, 1, 20, DType.Float64), generator: new Generator(11));
        var (low, high) = (Run(1), Run(10));
        Assert.True(low.Bias2 > 5 * high.Bias2, $"{low} vs {high}");
        Assert.True(high.Variance > 5 * low.Variance, $"{low} vs {high}");
    }
}
