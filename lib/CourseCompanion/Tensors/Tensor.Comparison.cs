using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>x &gt; y element-wise with broadcasting, as a bool tensor (comparisons with NaN are false).</summary>
    public Tensor Gt(Tensor other) => MathKernels.Compare(this, other, Comparison.Gt, "Gt");
    /// <summary>x ≥ y element-wise, as a bool tensor.</summary>
    public Tensor Ge(Tensor other) => MathKernels.Compare(this, other, Comparison.Ge, "Ge");
    /// <summary>x &lt; y element-wise, as a bool tensor.</summary>
    public Tensor Lt(Tensor other) => MathKernels.Compare(this, other, Comparison.Lt, "Lt");
    /// <summary>x ≤ y element-wise, as a bool tensor.</summary>
    public Tensor Le(Tensor other) => MathKernels.Compare(this, other, Comparison.Le, "Le");
    /// <summary>x = y element-wise, as a bool tensor (there is no == operator: in C# it means reference equality).</summary>
    public Tensor Eq(Tensor other) => MathKernels.Compare(this, other, Comparison.Eq, "Eq");
    /// <summary>x ≠ y element-wise, as a bool tensor (true where either side is NaN).</summary>
    public Tensor Ne(Tensor other) => MathKernels.Compare(this, other, Comparison.Ne, "Ne");

    /// <summary>x &gt; s element-wise.</summary>
    public Tensor Gt(double s) => Gt(MathKernels.ScalarLike(this, s));
    /// <summary>x ≥ s element-wise.</summary>
    public Tensor Ge(double s) => Ge(MathKernels.ScalarLike(this, s));
    /// <summary>x &lt; s element-wise.</summary>
    public Tensor Lt(double s) => Lt(MathKernels.ScalarLike(this, s));
    /// <summary>x ≤ s element-wise.</summary>
    public Tensor Le(double s) => Le(MathKernels.ScalarLike(this, s));
    /// <summary>x = s element-wise.</summary>
    public Tensor Eq(double s) => Eq(MathKernels.ScalarLike(this, s));
    /// <summary>x ≠ s element-wise.</summary>
    public Tensor Ne(double s) => Ne(MathKernels.ScalarLike(this, s));

    /// <summary>True where the element is NaN (NaN is the only value not equal to itself).</summary>
    public Tensor IsNan() => Ne(this);

    /// <summary>Element-wise x &gt; y as a bool tensor.</summary>
    public static Tensor operator >(Tensor a, Tensor b) => a.Gt(b);
    /// <summary>Element-wise x &lt; y as a bool tensor.</summary>
    public static Tensor operator <(Tensor a, Tensor b) => a.Lt(b);
    /// <summary>Element-wise x ≥ y as a bool tensor.</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => a.Ge(b);
    /// <summary>Element-wise x ≤ y as a bool tensor.</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => a.Le(b);
    /// <summary>Element-wise x &gt; s as a bool tensor.</summary>
    public static Tensor operator >(Tensor a, double s) => a.Gt(s);
    /// <summary>Element-wise x &lt; s as a bool tensor.</summary>
    public static Tensor operator <(Tensor a, double s) => a.Lt(s);
    /// <summary>Element-wise x ≥ s as a bool tensor.</summary>
    public static Tensor operator >=(Tensor a, double s) => a.Ge(s);
    /// <summary>Element-wise x ≤ s as a bool tensor.</summary>
    public static Tensor operator <=(Tensor a, double s) => a.Le(s);
    /// <summary>Element-wise s &gt; x as a bool tensor.</summary>
    public static Tensor operator >(double s, Tensor a) => a.Lt(s);
    /// <summary>Element-wise s &lt; x as a bool tensor.</summary>
    public static Tensor operator <(double s, Tensor a) => a.Gt(s);
    /// <summary>Element-wise s ≥ x as a bool tensor.</summary>
    public static Tensor operator >=(double s, Tensor a) => a.Le(s);
    /// <summary>Element-wise s ≤ x as a bool tensor.</summary>
    public static Tensor operator <=(double s, Tensor a) => a.Ge(s);

    /// <summary>Element-wise logical and with broadcasting (non-zero counts as true), like <c>torch.logical_and</c>.</summary>
    public Tensor LogicalAnd(Tensor other) => MathKernels.Logical(this, other, static (x, y) => x && y, "LogicalAnd");
    /// <summary>Element-wise logical or with broadcasting.</summary>
    public Tensor LogicalOr(Tensor other) => MathKernels.Logical(this, other, static (x, y) => x || y, "LogicalOr");
    /// <summary>Element-wise logical exclusive or with broadcasting.</summary>
    public Tensor LogicalXor(Tensor other) => MathKernels.Logical(this, other, static (x, y) => x ^ y, "LogicalXor");
    /// <summary>Element-wise logical not (zero becomes true).</summary>
    public Tensor LogicalNot() => MathKernels.Logical(this, this, static (x, _) => !x, "LogicalNot");

    /// <summary>Logical and of two bool masks, like <c>a &amp; b</c> in PyTorch.</summary>
    public static Tensor operator &(Tensor a, Tensor b) => RequireMasks(a, b, "&").LogicalAnd(b);
    /// <summary>Logical or of two bool masks, like <c>a | b</c> in PyTorch.</summary>
    public static Tensor operator |(Tensor a, Tensor b) => RequireMasks(a, b, "|").LogicalOr(b);
    /// <summary>Logical not of a bool mask (PyTorch writes <c>~mask</c>, which works too).</summary>
    public static Tensor operator !(Tensor a) => RequireMasks(a, a, "!").LogicalNot();
    /// <summary>Logical not of a bool mask, like <c>~mask</c> in PyTorch.</summary>
    public static Tensor operator ~(Tensor a) => RequireMasks(a, a, "~").LogicalNot();

    private static Tensor RequireMasks(Tensor a, Tensor b, string op)
    {
        if (a.DType != DType.Bool || b.DType != DType.Bool)
            throw new ArgumentException($"operator {op}: expects bool tensors, got {a.DType.TorchName()} and {b.DType.TorchName()}; use LogicalAnd/LogicalOr/LogicalNot for numbers (non-zero is true).");
        return a;
    }

    /// <summary>
    /// cond ? a : b element-wise, broadcasting all three, like <c>torch.where</c>. The gradient goes to a where cond
    /// holds and to b elsewhere; the mask itself gets none.
    /// </summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
    {
        var cond = condition.DType == DType.Bool ? condition : condition.Ne(0);
        var result = MathKernels.Select(cond, a, b);
        return Autograd.Record(result, "Where", [a, b], g =>
        [
            Where(cond, g, 0).SumTo(a.ShapeArray),
            Where(cond, 0, g).SumTo(b.ShapeArray),
        ]);
    }

    /// <summary>cond ? a : s element-wise.</summary>
    public static Tensor Where(Tensor condition, Tensor a, double b) => Where(condition, a, MathKernels.ScalarLike(a, b));

    /// <summary>cond ? s : b element-wise.</summary>
    public static Tensor Where(Tensor condition, double a, Tensor b) => Where(condition, MathKernels.ScalarLike(b, a), b);

    /// <summary>
    /// Limits every element to [min, max] (either bound optional), like <c>torch.clamp</c>; NaN stays NaN, integer tensors give float32.
    /// The gradient passes where min ≤ x ≤ max and is 0 where a bound is active.
    /// </summary>
    public Tensor Clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null) throw new ArgumentException("Clamp: give at least one of min and max.");
        double lo = min ?? double.NegativeInfinity, hi = max ?? double.PositiveInfinity;
        var result = Elementwise.Map(this,
            (x, r) => { TensorPrimitives.Max(x, (float)lo, r); TensorPrimitives.Min(r, (float)hi, r); },
            (x, r) => { TensorPrimitives.Max(x, lo, r); TensorPrimitives.Min(r, hi, r); });
        return Autograd.Record(result, "Clamp", [this], g =>
        {
            var inside = min is null ? Le(hi) : max is null ? Ge(lo) : Ge(lo).LogicalAnd(Le(hi));
            return [Where(inside, g, 0)];
        });
    }

    /// <summary>Clamp with whole bounds: the same as <see cref="Clamp(double?, double?)"/> for floats, while integer tensors stay integers (e.g. clipping labels).</summary>
    public Tensor Clamp(long? min = null, long? max = null)
    {
        if (DType.IsFloatingPoint()) return Clamp((double?)min, (double?)max);
        if (min is null && max is null) throw new ArgumentException("Clamp: give at least one of min and max.");
        long lo = min ?? long.MinValue, hi = max ?? long.MaxValue;
        return MathKernels.MapIntegers(this, (x, r) => { TensorPrimitives.Max(x, lo, r); TensorPrimitives.Min(r, hi, r); });
    }

    /// <summary>max(x, min) element-wise, like <c>torch.clamp_min</c>.</summary>
    public Tensor ClampMin(double min) => Clamp(min, null);

    /// <summary>min(x, max) element-wise, like <c>torch.clamp_max</c>.</summary>
    public Tensor ClampMax(double max) => Clamp(null, max);

    /// <summary>
    /// The larger of two tensors element-wise with broadcasting (NaN if either is NaN), like <c>torch.maximum</c>.
    /// The gradient goes to the larger input; on ties each gets half, as in PyTorch.
    /// </summary>
    public Tensor Maximum(Tensor other)
    {
        var result = Elementwise.Zip(this, other, "Maximum",
            static (x, y, r) => TensorPrimitives.Max(x, y, r),
            static (x, y, r) => TensorPrimitives.Max(x, y, r),
            static (x, y, r) => TensorPrimitives.Max(x, y, r));
        return Autograd.Record(result, "Maximum", [this, other], g => ShareOnTies(g, this, other, Lt(other), Gt(other)));
    }

    /// <summary>The smaller of two tensors element-wise with broadcasting (NaN if either is NaN), like <c>torch.minimum</c>.</summary>
    public Tensor Minimum(Tensor other)
    {
        var result = Elementwise.Zip(this, other, "Minimum",
            static (x, y, r) => TensorPrimitives.Min(x, y, r),
            static (x, y, r) => TensorPrimitives.Min(x, y, r),
            static (x, y, r) => TensorPrimitives.Min(x, y, r));
        return Autograd.Record(result, "Minimum", [this, other], g => ShareOnTies(g, this, other, Gt(other), Lt(other)));
    }

    /// <summary>PyTorch's rule for maximum/minimum: halve the gradient on ties, then zero it for the input that lost.</summary>
    private static Tensor?[] ShareOnTies(Tensor g, Tensor a, Tensor b, Tensor aLost, Tensor bLost)
    {
        var shared = Where(a.Eq(b), g / 2, g);
        return [Where(aLost, 0, shared).SumTo(a.ShapeArray), Where(bLost, 0, shared).SumTo(b.ShapeArray)];
    }
}
