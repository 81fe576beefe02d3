using System.Numerics;
using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

/// <summary>Which form of GELU to compute: the exact x·Φ(x), or the tanh approximation of the original paper.</summary>
public enum GeluApproximate
{
    /// <summary>x·Φ(x) with Φ(x) = ½(1 + erf(x/√2)).</summary>
    None,
    /// <summary>½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    Tanh,
}

public sealed partial class Tensor
{
    /// <summary>σ(x) = 1/(1 + e⁻ˣ) element-wise; σ'(x) = σ(x)(1 − σ(x)).</summary>
    public Tensor Sigmoid()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Sigmoid(x, r), static (x, r) => TensorPrimitives.Sigmoid(x, r));
        return Autograd.Record(result, "Sigmoid", [this], g => [Autograd.IsEnabled ? g * result * (1 - result) : ActivationGrads.Sigmoid(g, result)]);
    }

    /// <summary>tanh x element-wise; tanh'(x) = 1 − tanh²(x).</summary>
    public Tensor Tanh()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Tanh(x, r), static (x, r) => TensorPrimitives.Tanh(x, r));
        return Autograd.Record(result, "Tanh", [this], g => [Autograd.IsEnabled ? g * (1 - result.Square()) : ActivationGrads.Tanh(g, result)]);
    }

    /// <summary>ReLU(x) = max(0, x) element-wise (NaN stays NaN); its derivative is 1 for x &gt; 0 and 0 for x &lt; 0 (0 at the kink, as in PyTorch).</summary>
    public Tensor Relu()
    {
        var result = MathKernels.MapKeepingIntegers(this,
            static (x, r) => TensorPrimitives.Max(x, 0f, r),
            static (x, r) => TensorPrimitives.Max(x, 0d, r),
            static (x, r) => TensorPrimitives.Max(x, 0L, r));
        return Autograd.Record(result, "Relu", [this], g => [Autograd.IsEnabled ? Where(result.Le(0), 0, g) : ActivationGrads.Relu(g, result)]);
    }

    /// <summary>LeakyReLU(x) = x for x &gt; 0, else αx (α = negativeSlope); the derivative is 1 or α. Built from <see cref="Where(Tensor, Tensor, Tensor)"/>.</summary>
    public Tensor LeakyRelu(double negativeSlope = 0.01) => Where(Gt(0), this, this * negativeSlope);

    /// <summary>
    /// ELU(x) = x for x &gt; 0, else α(eˣ − 1); the derivative is 1, or αeˣ = ELU(x) + α for x ≤ 0
    /// (the backward reuses the output, as PyTorch does).
    /// </summary>
    public Tensor Elu(double alpha = 1.0)
    {
        var result = Elementwise.Map(this, (x, r) => EluKernel(x, r, (float)alpha), (x, r) => EluKernel(x, r, alpha));
        return Autograd.Record(result, "Elu", [this], g => [Where(Le(0), g * (result + alpha), g)]);
    }

    private static void EluKernel<T>(ReadOnlySpan<T> x, Span<T> r, T alpha) where T : IExponentialFunctions<T>, IFloatingPointIeee754<T>
    {
        TensorPrimitives.ExpM1(x, r);
        for (int i = 0; i < r.Length; i++) r[i] = x[i] > T.Zero ? x[i] : alpha * r[i];
    }

    /// <summary>SELU's α and λ (Klambauer et al. 2017), the values PyTorch uses.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717, SeluScale = 1.0507009873554804934193349852946;

    /// <summary>
    /// SELU(x) = λ·ELU(x; α) with α ≈ 1.6733, λ ≈ 1.0507. The derivative is λ for x &gt; 0 and λ·α·eˣ for x ≤ 0
    /// (not λ·α·f(x), as the slides have it: differentiate α(eˣ − 1) and the −1 vanishes).
    /// </summary>
    public Tensor Selu() => Elu(SeluAlpha) * SeluScale;

    /// <summary>
    /// GELU(x) = x·Φ(x), Φ the standard normal CDF; GELU'(x) = Φ(x) + x·φ(x). With <see cref="GeluApproximate.Tanh"/>
    /// Φ is replaced by ½(1 + tanh(√(2/π)(x + 0.044715x³))). Composed from Erf/Tanh, so autograd derives it.
    /// </summary>
    public Tensor Gelu(GeluApproximate approximate = GeluApproximate.None)
    {
        if (approximate == GeluApproximate.Tanh)
            return this * 0.5 * (1 + ((this + Pow(3) * 0.044715) * Math.Sqrt(2 / Math.PI)).Tanh());
        return this * 0.5 * (1 + (this * Math.Sqrt(0.5)).Erf());
    }

    /// <summary>
    /// Softplus(x) = (1/β)·ln(1 + e^(βx)), a smooth ReLU; reverts to x where βx &gt; threshold (for numerical stability, as PyTorch).
    /// Its derivative is σ(βx) (1 above the threshold).
    /// </summary>
    public Tensor Softplus(double beta = 1.0, double threshold = 20.0)
    {
        var result = Elementwise.Map(this, (x, r) => SoftplusKernel(x, r, (float)beta, (float)threshold), (x, r) => SoftplusKernel(x, r, beta, threshold));
        return Autograd.Record(result, "Softplus", [this], g =>
        {
            var scaled = this * beta;
            return [Where(scaled.Gt(threshold), g, g * scaled.Sigmoid())];
        });
    }

    private static void SoftplusKernel<T>(ReadOnlySpan<T> x, Span<T> r, T beta, T threshold) where T : IExponentialFunctions<T>, ILogarithmicFunctions<T>, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(x, beta, r);
        TensorPrimitives.Exp(r, r);
        TensorPrimitives.LogP1(r, r);
        TensorPrimitives.Divide(r, beta, r);
        for (int i = 0; i < r.Length; i++) if (x[i] * beta > threshold) r[i] = x[i];
    }

    /// <summary>SiLU (swish) x·σ(x); its derivative σ(x)(1 + x(1 − σ(x))) follows by the product rule.</summary>
    public Tensor Silu() => this * Sigmoid();
}
