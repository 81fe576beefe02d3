using System.Numerics;
using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>xᵖ element-wise for a scalar exponent; d/dx xᵖ = p·xᵖ⁻¹. Integer tensors give float32 (a double is a Python float).</summary>
    public Tensor Pow(double exponent)
    {
        var result = Elementwise.Map(this,
            (x, r) => TensorPrimitives.Pow(x, (float)exponent, r),
            (x, r) => TensorPrimitives.Pow(x, exponent, r));
        return Autograd.Record(result, "PowScalar", [this], g => [exponent == 0 ? ZerosLike(g) : g * Pow(exponent - 1) * exponent]);
    }

    /// <summary>xⁿ for a whole exponent: the same as <see cref="Pow(double)"/> for floats, while integer tensors stay integers (n ≥ 0).</summary>
    public Tensor Pow(int exponent)
    {
        if (DType.IsFloatingPoint()) return Pow((double)exponent);
        if (exponent < 0) throw new ArgumentException($"Pow: integers cannot be raised to the negative power {exponent}; convert to float first.");
        return MathKernels.MapIntegers(this, (x, r) => { for (int i = 0; i < r.Length; i++) r[i] = IntPow(x[i], exponent); });
    }

    private static long IntPow(long x, int p)
    {
        long r = 1;
        for (; p > 0; p >>= 1, x *= x) if ((p & 1) != 0) r *= x;
        return r;
    }

    /// <summary>
    /// aᵇ element-wise with broadcasting (int64 ** int64 stays int64, negative integer exponents are an error). ∂/∂a = b·aᵇ⁻¹, ∂/∂b = aᵇ·ln a; like PyTorch, the exponent gets 0 where a = 0
    /// and b ≥ 0 (where ln a is −∞ but aᵇ is flat in b from the right), and the base gets 0 where b = 0.
    /// </summary>
    public Tensor Pow(Tensor exponent)
    {
        var result = Elementwise.Zip(this, exponent, "Pow",
            static (x, y, r) => TensorPrimitives.Pow(x, y, r),
            static (x, y, r) => TensorPrimitives.Pow(x, y, r),
            static (x, y, r) =>
            {
                for (int i = 0; i < r.Length; i++)
                    r[i] = y[i] >= 0 ? IntPow(x[i], (int)Math.Min(y[i], int.MaxValue)) : throw new ArgumentException("Pow: integers cannot be raised to negative integer powers; convert to float first.");
            });
        return Autograd.Record(result, "Pow", [this, exponent], g =>
        [
            Where(exponent.Eq(0), 0, g * exponent * Pow(exponent - 1)).SumTo(ShapeArray),
            Where(Eq(0).LogicalAnd(exponent.Ge(0)), 0, g * result * Log()).SumTo(exponent.ShapeArray),
        ]);
    }

    /// <summary>√x element-wise; d/dx √x = 1 / (2√x).</summary>
    public Tensor Sqrt()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Sqrt(x, r), static (x, r) => TensorPrimitives.Sqrt(x, r));
        return Autograd.Record(result, "Sqrt", [this], g => [g / (result * 2)]);
    }

    /// <summary>1/√x element-wise; d/dx x^(−1/2) = −½·x^(−3/2) = −½·rsqrt(x)³.</summary>
    public Tensor Rsqrt()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.ReciprocalSqrt(x, r), static (x, r) => TensorPrimitives.ReciprocalSqrt(x, r));
        return Autograd.Record(result, "Rsqrt", [this], g => [g * result.Pow(3) * -0.5]);
    }

    /// <summary>x² element-wise (integers stay integers); d/dx x² = 2x.</summary>
    public Tensor Square()
    {
        var result = MathKernels.MapKeepingIntegers(this,
            static (x, r) => TensorPrimitives.Multiply(x, x, r),
            static (x, r) => TensorPrimitives.Multiply(x, x, r),
            static (x, r) => TensorPrimitives.Multiply(x, x, r));
        return Autograd.Record(result, "Square", [this], g => [g * this * 2]);
    }

    /// <summary>|x| element-wise (integers stay integers); d/dx |x| = sign(x), taken as 0 at x = 0 like PyTorch.</summary>
    public Tensor Abs()
    {
        var result = MathKernels.MapKeepingIntegers(this,
            static (x, r) => TensorPrimitives.Abs(x, r),
            static (x, r) => TensorPrimitives.Abs(x, r),
            static (x, r) => TensorPrimitives.Abs(x, r));
        return Autograd.Record(result, "Abs", [this], g => [g * Sign()]);
    }

    /// <summary>−1, 0 or 1 by the sign of each element (0 for NaN, as PyTorch 1.13); its derivative is 0 everywhere it exists.</summary>
    public Tensor Sign()
    {
        var result = MathKernels.MapKeepingIntegers(this, SignKernel, SignKernel, SignKernel);
        return Autograd.Record(result, "Sign", [this], g => [ZerosLike(g)]);
    }

    private static void SignKernel<T>(ReadOnlySpan<T> x, Span<T> r) where T : INumber<T>
    {
        for (int i = 0; i < r.Length; i++) r[i] = x[i] > T.Zero ? T.One : x[i] < T.Zero ? -T.One : T.Zero;
    }

    /// <summary>1/x element-wise; d/dx x⁻¹ = −x⁻².</summary>
    public Tensor Reciprocal()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Reciprocal(x, r), static (x, r) => TensorPrimitives.Reciprocal(x, r));
        return Autograd.Record(result, "Reciprocal", [this], g => [-g * result.Square()]);
    }

    /// <summary>sin x element-wise; d/dx sin x = cos x.</summary>
    public Tensor Sin()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Sin(x, r), static (x, r) => TensorPrimitives.Sin(x, r));
        return Autograd.Record(result, "Sin", [this], g => [g * Cos()]);
    }

    /// <summary>cos x element-wise; d/dx cos x = −sin x.</summary>
    public Tensor Cos()
    {
        var result = Elementwise.Map(this, static (x, r) => TensorPrimitives.Cos(x, r), static (x, r) => TensorPrimitives.Cos(x, r));
        return Autograd.Record(result, "Cos", [this], g => [-g * Sin()]);
    }

    /// <summary>The error function erf x = (2/√π)∫₀ˣ e^(−t²) dt element-wise (used by the exact GELU); d/dx erf x = (2/√π)·e^(−x²).</summary>
    public Tensor Erf()
    {
        var result = Elementwise.Map(this,
            static (x, r) => { for (int i = 0; i < r.Length; i++) r[i] = (float)MathNet.Numerics.SpecialFunctions.Erf(x[i]); },
            static (x, r) => { for (int i = 0; i < r.Length; i++) r[i] = MathNet.Numerics.SpecialFunctions.Erf(x[i]); });
        return Autograd.Record(result, "Erf", [this], g => [g * Square().Neg().Exp() * (2 / Math.Sqrt(Math.PI))]);
    }
}
