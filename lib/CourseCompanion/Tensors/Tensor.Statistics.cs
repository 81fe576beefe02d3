using System.Numerics;
using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>Variance of all elements, unbiased (divides by N − 1) unless <paramref name="unbiased"/> is false, as in PyTorch.</summary>
    public Tensor Var(bool unbiased = true) => Var(null, unbiased ? 1 : 0, keepDim: false);

    /// <summary>Variance over one dim.</summary>
    public Tensor Var(int dim, bool unbiased = true, bool keepDim = false) => Var([dim], unbiased ? 1 : 0, keepDim);

    /// <summary>Variance over several dims (all when null).</summary>
    public Tensor Var(int[]? dims, bool unbiased = true, bool keepDim = false) => Var(dims, unbiased ? 1 : 0, keepDim);

    /// <summary>
    /// Variance Σ(x − μ)² / (N − correction) over dims (all when null); correction 1 is Bessel's (unbiased), 0 the population variance.
    /// ∂Var/∂xᵢ = 2(xᵢ − μ)/(N − correction): the path through μ contributes nothing because Σ(xᵢ − μ) = 0.
    /// N − correction ≤ 0 gives inf or NaN, as in PyTorch.
    /// </summary>
    public Tensor Var(int[]? dims, double correction, bool keepDim = false)
    {
        RequireFloatingPoint("Var");
        var d = DimReduction.Dims(this, dims, "Var");
        int n = Shapes.Product(d.Select(i => ShapeArray[i]).ToArray());
        return (this - Mean(d, keepDim: true)).Square().Sum(d, keepDim) / Math.Max(n - correction, 0);
    }

    /// <summary>Standard deviation of all elements (unbiased by default).</summary>
    public Tensor Std(bool unbiased = true) => Std(null, unbiased ? 1 : 0, keepDim: false);

    /// <summary>Standard deviation over one dim.</summary>
    public Tensor Std(int dim, bool unbiased = true, bool keepDim = false) => Std([dim], unbiased ? 1 : 0, keepDim);

    /// <summary>Standard deviation over several dims (all when null).</summary>
    public Tensor Std(int[]? dims, bool unbiased = true, bool keepDim = false) => Std(dims, unbiased ? 1 : 0, keepDim);

    /// <summary>
    /// √Var over dims; ∂σ/∂Var = 1/(2σ). Where σ = 0 (all values equal) the gradient is taken as 0 instead of 0·∞, as PyTorch does.
    /// </summary>
    public Tensor Std(int[]? dims, double correction, bool keepDim = false)
    {
        var variance = Var(dims, correction, keepDim);
        var result = Elementwise.Map(variance, static (x, r) => TensorPrimitives.Sqrt(x, r), static (x, r) => TensorPrimitives.Sqrt(x, r));
        return Autograd.Record(result, "Std", [variance], g =>
        {
            var zero = result.Eq(0);
            return [Where(zero, 0, g / (Where(zero, 1, result) * 2))];
        });
    }

    /// <summary>log Σ exp(x) over one dim, computed stably.</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false) => LogSumExp([dim], keepDim);

    /// <summary>
    /// log Σ exp(x) over dims, computed as m + log Σ exp(x − m) with m the (constant) maximum so nothing overflows;
    /// an infinite maximum is replaced by 0, as in PyTorch. ∂/∂xᵢ = softmax(x)ᵢ.
    /// </summary>
    public Tensor LogSumExp(int[] dims, bool keepDim = false)
    {
        var d = DimReduction.Dims(this, dims, "LogSumExp");
        Tensor shift;
        using (Autograd.NoGrad())
        {
            var source = DType.IsFloatingPoint() ? this : Float();
            shift = NumEl == 0 ? Zeros(DimReduction.ReducedShape(ShapeArray, d, keepDim: true), source.DType) : source.Detach().Amax(d, keepDim: true);
            shift = Where(shift.Abs().Eq(double.PositiveInfinity), 0, shift);
        }
        var result = (this - shift).Exp().Sum(d, keepDim).Log();
        return result + (keepDim ? shift : shift.Reshape(result.ShapeArray));
    }

    /// <summary>Product of all elements (a 0-dimensional tensor).</summary>
    public Tensor Prod() => Reshape(-1).Prod(0);

    /// <summary>
    /// Product along one dim. ∂/∂xᵢ Πⱼxⱼ = Πⱼ≠ᵢ xⱼ, computed as Π/xᵢ when no factor is zero (so it can be differentiated again),
    /// else from prefix and suffix products (correct where factors are zero, but constant for second derivatives).
    /// </summary>
    public Tensor Prod(int dim, bool keepDim = false)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Prod");
        int[] dims = Dim == 0 ? [] : [d];
        var result = DimReduction.Apply(this, dims, keepDim,
            static r => r.IsEmpty ? 1f : TensorPrimitives.Product(r),
            static r => r.IsEmpty ? 1d : TensorPrimitives.Product(r),
            static r => r.IsEmpty ? 1L : TensorPrimitives.Product(r));
        return Autograd.Record(result, "Prod", [this], g =>
        {
            var gk = DimReduction.KeepDims(g, dims, keepDim);
            bool anyZero = Eq(0).ToArray<bool>().Contains(true);
            if (!anyZero) return [gk * DimReduction.KeepDims(result, dims, keepDim) / this];
            return [gk * ProductOfOthers(d)];
        });
    }

    /// <summary>Πⱼ≠ᵢ xⱼ along dim for every i, from prefix and suffix products (no division, so zeros are fine).</summary>
    private Tensor ProductOfOthers(int d)
    {
        if (Dim == 0) return OnesLike(this);
        var rows = DimReduction.Rows(this, [d], out int n);
        var others = Empty(rows.ShapeArray, DType);
        if (DType == DType.Float32) ExclusiveProducts(rows.ReadOnlySpan<float>(), others.Span<float>(), n);
        else ExclusiveProducts(rows.ReadOnlySpan<double>(), others.Span<double>(), n);
        // rows put dim d last; move it back
        var order = Enumerable.Range(0, Dim).Where(i => i != d).Append(d).ToArray();
        var inverse = new int[Dim];
        for (int i = 0; i < Dim; i++) inverse[order[i]] = i;
        return others.Permute(inverse).Contiguous();
    }

    private static void ExclusiveProducts<T>(ReadOnlySpan<T> x, Span<T> r, int n) where T : INumber<T>
    {
        if (n == 0) return;
        for (int start = 0; start < x.Length; start += n)
        {
            T p = T.One;
            for (int i = 0; i < n; i++) { r[start + i] = p; p *= x[start + i]; }
            p = T.One;
            for (int i = n - 1; i >= 0; i--) { r[start + i] *= p; p *= x[start + i]; }
        }
    }
}
