using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Weight initialisers, as <c>torch.nn.init</c>: each fills a tensor in place (without recording a graph)
/// and returns it. fanIn/fanOut follow PyTorch: for a weight [out, in, k…], fanIn = in·∏k, fanOut = out·∏k.
/// </summary>
public static class Init
{
    /// <summary>Every element set to <paramref name="value"/>.</summary>
    public static Tensor Constant(Tensor t, double value) => Fill(t, Tensor.FullLike(t, value));

    /// <summary>Zeros.</summary>
    public static Tensor Zeros(Tensor t) => Constant(t, 0);

    /// <summary>Ones.</summary>
    public static Tensor Ones(Tensor t) => Constant(t, 1);

    /// <summary>U(low, high).</summary>
    public static Tensor Uniform(Tensor t, double low = 0, double high = 1, Generator? generator = null) =>
        Fill(t, Tensor.Rand(t.Shape, generator, DType.Float64) * (high - low) + low);

    /// <summary>N(mean, std²).</summary>
    public static Tensor Normal(Tensor t, double mean = 0, double std = 1, Generator? generator = null) =>
        Fill(t, Tensor.Randn(t.Shape, generator, DType.Float64) * std + mean);

    /// <summary>Glorot/Xavier uniform: U(−a, a) with a = gain·√(6 / (fanIn + fanOut)); keeps activation variance for tanh/linear.</summary>
    public static Tensor XavierUniform(Tensor t, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = Fans(t);
        double a = gain * Math.Sqrt(6.0 / (fanIn + fanOut));
        return Uniform(t, -a, a, generator);
    }

    /// <summary>Glorot/Xavier normal: N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)).</summary>
    public static Tensor XavierNormal(Tensor t, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = Fans(t);
        return Normal(t, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
    }

    /// <summary>He/Kaiming uniform for ReLU: U(−b, b) with b = √(6 / fan) (fan = fanIn by default).</summary>
    public static Tensor KaimingUniform(Tensor t, bool fanOut = false, double negativeSlope = 0, Generator? generator = null)
    {
        double gain = Math.Sqrt(2.0 / (1 + negativeSlope * negativeSlope));
        double bound = gain * Math.Sqrt(3.0 / Fan(t, fanOut));
        return Uniform(t, -bound, bound, generator);
    }

    /// <summary>He/Kaiming normal for ReLU: N(0, 2 / fan).</summary>
    public static Tensor KaimingNormal(Tensor t, bool fanOut = false, double negativeSlope = 0, Generator? generator = null)
    {
        double gain = Math.Sqrt(2.0 / (1 + negativeSlope * negativeSlope));
        return Normal(t, 0, gain / Math.Sqrt(Fan(t, fanOut)), generator);
    }

    /// <summary>A (semi-)orthogonal matrix from the QR decomposition of a Gaussian matrix (Saxe et al.), scaled by gain.</summary>
    public static Tensor Orthogonal(Tensor t, double gain = 1, Generator? generator = null)
    {
        if (t.Dim < 2) throw new ArgumentException($"Orthogonal: needs at least 2 dimensions, got [{string.Join(", ", t.Shape)}].");
        int rows = t.Size(0), cols = t.NumEl / rows;
        bool transpose = rows < cols;
        int m = Math.Max(rows, cols), n = Math.Min(rows, cols);
        var g = Tensor.Randn([m, n], generator, DType.Float64).ToArray<double>();
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, n, (i, j) => g[i * n + j]);
        var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        var q = qr.Q;
        var d = qr.R.Diagonal();
        for (int j = 0; j < n; j++) if (d[j] < 0) q.SetColumn(j, q.Column(j).Negate()); // unique Q: positive diagonal of R
        if (transpose) q = q.Transpose();
        var values = new double[rows * cols];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) values[i * cols + j] = gain * q[i, j];
        return Fill(t, Tensor.FromArray(values, t.Shape));
    }

    /// <summary>(fanIn, fanOut) of a weight tensor, as PyTorch computes them.</summary>
    public static (int FanIn, int FanOut) Fans(Tensor t)
    {
        if (t.Dim < 2) throw new ArgumentException($"Fans: a weight needs at least 2 dimensions, got [{string.Join(", ", t.Shape)}].");
        int receptive = t.NumEl / (t.Size(0) * t.Size(1));
        return (t.Size(1) * receptive, t.Size(0) * receptive);
    }

    private static int Fan(Tensor t, bool fanOut)
    {
        var (fanIn, fo) = Fans(t);
        return fanOut ? fo : fanIn;
    }

    private static Tensor Fill(Tensor t, Tensor values)
    {
        using (Autograd.NoGrad()) return t.Copy_(values);
    }
}
