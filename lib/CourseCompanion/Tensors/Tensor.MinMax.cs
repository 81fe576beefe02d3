using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

/// <summary>What <c>Max(dim)</c> and <c>Min(dim)</c> return, like PyTorch's (values, indices); deconstructs: <c>var (v, i) = x.Max(1);</c></summary>
public sealed record ValuesIndices(Tensor Values, Tensor Indices);

public sealed partial class Tensor
{
    /// <summary>The largest element (a 0-dimensional tensor; NaN if any element is NaN). On ties the gradient is shared evenly, as in PyTorch.</summary>
    public Tensor Max() => Extreme(null, keepDim: false, largest: true, "Max");

    /// <summary>The smallest element (a 0-dimensional tensor).</summary>
    public Tensor Min() => Extreme(null, keepDim: false, largest: false, "Min");

    /// <summary>Largest values over several dims, like <c>torch.amax</c> (no indices; the gradient is shared among ties).</summary>
    public Tensor Amax(int[]? dims, bool keepDim = false) => Extreme(dims, keepDim, largest: true, "Amax");

    /// <summary>Largest values over one dim, without indices.</summary>
    public Tensor Amax(int dim, bool keepDim = false) => Amax([dim], keepDim);

    /// <summary>Smallest values over several dims, like <c>torch.amin</c>.</summary>
    public Tensor Amin(int[]? dims, bool keepDim = false) => Extreme(dims, keepDim, largest: false, "Amin");

    /// <summary>Smallest values over one dim, without indices.</summary>
    public Tensor Amin(int dim, bool keepDim = false) => Amin([dim], keepDim);

    /// <summary>
    /// The largest value along <paramref name="dim"/> and its index (the first one on ties, a NaN if there is one).
    /// The gradient of the values flows only to those positions: ∂max/∂xᵢ = 1 for i = argmax, else 0.
    /// </summary>
    public ValuesIndices Max(int dim, bool keepDim = false) => ExtremeAlong(dim, keepDim, largest: true, "Max");

    /// <summary>The smallest value along <paramref name="dim"/> and its index.</summary>
    public ValuesIndices Min(int dim, bool keepDim = false) => ExtremeAlong(dim, keepDim, largest: false, "Min");

    /// <summary>Index of the largest element of the flattened tensor (int64, 0-dimensional); the first one on ties.</summary>
    public Tensor Argmax() => Reshape(-1).ExtremeAlong(0, false, largest: true, "Argmax").Indices;

    /// <summary>Indices of the largest values along <paramref name="dim"/> (int64).</summary>
    public Tensor Argmax(int dim, bool keepDim = false) => ExtremeAlong(dim, keepDim, largest: true, "Argmax").Indices;

    /// <summary>Index of the smallest element of the flattened tensor (int64, 0-dimensional).</summary>
    public Tensor Argmin() => Reshape(-1).ExtremeAlong(0, false, largest: false, "Argmin").Indices;

    /// <summary>Indices of the smallest values along <paramref name="dim"/> (int64).</summary>
    public Tensor Argmin(int dim, bool keepDim = false) => ExtremeAlong(dim, keepDim, largest: false, "Argmin").Indices;

    private Tensor Extreme(int[]? dims, bool keepDim, bool largest, string op)
    {
        var d = DimReduction.Dims(this, dims, op);
        RequireNonEmpty(d, op);
        var result = largest
            ? DimReduction.Apply(this, d, keepDim, static r => TensorPrimitives.Max(r), static r => TensorPrimitives.Max(r), static r => TensorPrimitives.Max(r))
            : DimReduction.Apply(this, d, keepDim, static r => TensorPrimitives.Min(r), static r => TensorPrimitives.Min(r), static r => TensorPrimitives.Min(r));
        if (DType == DType.Bool) result = result.Bool();
        return Autograd.Record(result, op, [this], g =>
        {
            // the positions that attain the extreme (NaN positions when it is NaN), each getting an equal share
            var r = DimReduction.KeepDims(result.Detach(), d, keepDim);
            var hit = Eq(r).LogicalOr(IsNan().LogicalAnd(r.IsNan())).To(g.DType);
            return [hit * (DimReduction.KeepDims(g, d, keepDim) / hit.Sum(d, keepDim: true))];
        });
    }

    private ValuesIndices ExtremeAlong(int dim, bool keepDim, bool largest, string op)
    {
        int d = Shapes.NormalizeDim(dim, Dim, op);
        if (Dim == 0) return new ValuesIndices(Autograd.Record(Detach(), op, [this], g => [g]), Scalar(0, DType.Int64));
        RequireNonEmpty([d], op);
        var source = DType.IsFloatingPoint() ? this : Detach().To(DType.Int64);
        var rows = DimReduction.Rows(source, [d], out int n);
        var values = Empty(DimReduction.ReducedShape(ShapeArray, [d], keepDim), source.DType);
        long[] idx = source.DType switch
        {
            DType.Float32 => MathKernels.ArgExtremeRows(rows.ReadOnlySpan<float>(), values.Span<float>(), n, largest),
            DType.Float64 => MathKernels.ArgExtremeRows(rows.ReadOnlySpan<double>(), values.Span<double>(), n, largest),
            _ => MathKernels.ArgExtremeRows(rows.ReadOnlySpan<long>(), values.Span<long>(), n, largest),
        };
        var indices = new Tensor(idx, values.ShapeArray, DType.Int64);
        if (DType == DType.Bool) values = values.Bool();
        var shape = ShapeArray;
        Autograd.Record(values, op, [this], g => [MathKernels.OneHot(shape, d, idx, g.DType) * DimReduction.KeepDims(g, [d], keepDim)]);
        return new ValuesIndices(values, indices);
    }

    private void RequireNonEmpty(int[] dims, string op)
    {
        foreach (int d in dims)
            if (ShapeArray[d] == 0)
                throw new ArgumentException($"{op}: cannot reduce over dimension {d} of size 0 in a tensor of shape {Shapes.Format(ShapeArray)} (the extreme of nothing is undefined).");
        if (NumEl == 0 && dims.Length == Dim)
            throw new ArgumentException($"{op}: the tensor of shape {Shapes.Format(ShapeArray)} is empty.");
    }
}
