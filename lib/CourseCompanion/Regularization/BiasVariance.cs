using CourseCompanion.Tensors;

namespace CourseCompanion.Regularization;

/// <summary>
/// Monte Carlo estimate of the bias–variance decomposition of the expected squared error at test inputs x:
/// E_D[(h − ŷ_D)²] = (E_D[ŷ_D] − h(x))² + E_D[(ŷ_D − E_D[ŷ_D])²] + σ², averaged over x, where D runs over many training
/// sets drawn from h = h(x) + ε, ε ~ N(0, σ²). <see cref="ExpectedTestError"/> is measured directly on fresh noisy test
/// targets, so it should match <see cref="Total"/> up to Monte Carlo error.
/// </summary>
/// <param name="Bias2">Squared bias, averaged over the test inputs.</param>
/// <param name="Variance">Variance of the prediction over training sets, averaged over the test inputs.</param>
/// <param name="Noise">σ², the irreducible error.</param>
/// <param name="ExpectedTestError">Mean squared error of the predictions against fresh noisy test targets.</param>
public sealed record BiasVariance(double Bias2, double Variance, double Noise, double ExpectedTestError)
{
    /// <summary>Bias² + variance + noise.</summary>
    public double Total => Bias2 + Variance + Noise;

    /// <summary>
    /// Draws <paramref name="dataSets"/> training sets of <paramref name="trainSize"/> points with x ~ U(xMin, xMax) and
    /// targets truth(x) + N(0, noiseStd²) (or, with <paramref name="trainX"/> given, those fixed inputs and fresh noise
    /// only: the lecture's decomposition at fixed x), fits each with <paramref name="fit"/> (training x [n], y [n] → a predictor
    /// mapping x [m] to predictions [m]), and decomposes the error at <paramref name="testX"/> [m].
    /// </summary>
    public static BiasVariance Estimate(Func<double, double> truth, double noiseStd, int trainSize, int dataSets,
        Func<Tensor, Tensor, Func<Tensor, Tensor>> fit, Tensor testX, double xMin = -1, double xMax = 1, Tensor? trainX = null, Generator? generator = null)
    {
        var tx = testX.To(DType.Float64).Contiguous().Reshape(-1).ToArray<double>();
        int m = tx.Length;
        var h = tx.Select(truth).ToArray();
        var predictions = new double[dataSets, m];
        double testError = 0;
        for (int s = 0; s < dataSets; s++)
        {
            var x = trainX?.To(DType.Float64).Contiguous().Reshape(-1) ?? Tensor.Rand([trainSize], generator, DType.Float64) * (xMax - xMin) + xMin;
            if (x.Size(0) != trainSize) throw new ArgumentException($"BiasVariance.Estimate: trainX has {x.Size(0)} points, trainSize is {trainSize}.");
            var y = x.ToArray<double>().Select(truth).ToArray();
            var noise = (Tensor.Randn([trainSize], generator, DType.Float64) * noiseStd).ToArray<double>();
            var predictor = fit(x, Tensor.FromArray(y.Zip(noise, (a, b) => a + b).ToArray(), trainSize));
            var p = predictor(testX.To(DType.Float64).Reshape(-1)).To(DType.Float64).Contiguous().Reshape(-1).ToArray<double>();
            var testNoise = (Tensor.Randn([m], generator, DType.Float64) * noiseStd).ToArray<double>();
            for (int i = 0; i < m; i++)
            {
                predictions[s, i] = p[i];
                double target = h[i] + testNoise[i];
                testError += (target - p[i]) * (target - p[i]);
            }
        }
        double bias2 = 0, variance = 0;
        for (int i = 0; i < m; i++)
        {
            double mean = 0;
            for (int s = 0; s < dataSets; s++) mean += predictions[s, i];
            mean /= dataSets;
            bias2 += (mean - h[i]) * (mean - h[i]);
            double v = 0;
            for (int s = 0; s < dataSets; s++) v += (predictions[s, i] - mean) * (predictions[s, i] - mean);
            variance += v / dataSets;
        }
        return new BiasVariance(bias2 / m, variance / m, noiseStd * noiseStd, testError / (dataSets * m));
    }
}
