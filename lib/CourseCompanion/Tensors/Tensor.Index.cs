namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Picks values along <paramref name="dim"/> by an int64 index of the same rank, like <c>torch.gather</c>:
    /// out[i][j] = x[i][index[i][j]] for dim 1. The output has the index's shape.
    /// Its backward is <see cref="ScatterAdd"/>: each picked value's gradient goes back to where it came from,
    /// summed when an element was picked twice.
    /// </summary>
    public Tensor Gather(int dim, Tensor index)
    {
        int d = CheckGatherShapes(dim, index, null, "Gather");
        var result = IndexKernels.Take(this, IndexKernels.GatherPositions(ShapeArray, StridesArray, Offset, d, index, "Gather"), index.Shape);
        var shape = ShapeArray;
        return Autograd.Record(result, "Gather", [this], g => [Zeros(shape, g.DType).ScatterAdd(d, index, g)]);
    }

    /// <summary>
    /// A copy of this tensor with the values of <paramref name="src"/> added at the positions <paramref name="index"/>
    /// names along <paramref name="dim"/>, like <c>torch.scatter_add</c>: out[i][index[i][j]] += src[i][j] for dim 1.
    /// Duplicate indices accumulate. Gradients: ∂/∂self = g, ∂/∂src = g.Gather(dim, index) (the adjoint pair).
    /// </summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor src)
    {
        int d = CheckGatherShapes(dim, index, src, "ScatterAdd");
        var result = CopyToContiguous();
        var positions = IndexKernels.GatherPositions(ShapeArray, result.StridesArray, 0, d, index, "ScatterAdd");
        IndexKernels.Accumulate(result, positions, src.Detach().Narrowed(index.ShapeArray), "ScatterAdd");
        return Autograd.Record(result, "ScatterAdd", [this, src], g => [g, src.RequiresGrad ? g.Gather(d, index).PaddedTo(src.ShapeArray) : null]);
    }

    /// <summary>
    /// A copy of this tensor with the values of <paramref name="src"/> written at the positions <paramref name="index"/>
    /// names along <paramref name="dim"/>, like <c>torch.scatter</c>: out[i][index[i][j]] = src[i][j] for dim 1.
    /// With duplicate indices one of the values wins (PyTorch leaves which one undefined; here the last).
    /// Gradients: the overwritten positions get none; ∂/∂src = g.Gather(dim, index).
    /// </summary>
    public Tensor Scatter(int dim, Tensor index, Tensor src)
    {
        int d = CheckGatherShapes(dim, index, src, "Scatter");
        var result = CopyToContiguous();
        var positions = IndexKernels.GatherPositions(ShapeArray, result.StridesArray, 0, d, index, "Scatter");
        IndexKernels.Put(result, positions, src.Detach().Narrowed(index.ShapeArray));
        return Autograd.Record(result, "Scatter", [this, src], g => [g.Scatter(d, index, 0.0), src.RequiresGrad ? g.Gather(d, index).PaddedTo(src.ShapeArray) : null]);
    }

    /// <summary>A copy of this tensor with <paramref name="value"/> written at the positions <paramref name="index"/> names along <paramref name="dim"/>.</summary>
    public Tensor Scatter(int dim, Tensor index, double value)
    {
        int d = CheckGatherShapes(dim, index, null, "Scatter");
        var result = CopyToContiguous();
        IndexKernels.Fill(result, IndexKernels.GatherPositions(ShapeArray, result.StridesArray, 0, d, index, "Scatter"), value);
        return Autograd.Record(result, "Scatter", [this], g => [g.Scatter(d, index, 0.0)]);
    }

    /// <summary>
    /// The slices at the listed positions along <paramref name="dim"/>, in that order, like <c>torch.index_select</c>
    /// (an embedding lookup is IndexSelect(0, ids) on the weight matrix). The index is 1-D int64 and may repeat.
    /// Its backward is <see cref="IndexAdd"/>: a slice used k times gets the sum of its k gradients.
    /// </summary>
    public Tensor IndexSelect(int dim, Tensor index)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "IndexSelect");
        if (Dim == 0) throw new ArgumentException("IndexSelect: expected a tensor with at least one dimension, got a scalar.");
        var idx = IndexKernels.Indices(CheckIndexVector(index, "IndexSelect"), "IndexSelect");
        var positions = IndexKernels.AlongDimPositions(ShapeArray, StridesArray, Offset, d, idx, "IndexSelect");
        var shape = Shape;
        shape[d] = idx.Length;
        var result = IndexKernels.Take(this, positions, shape);
        var fullShape = ShapeArray;
        return Autograd.Record(result, "IndexSelect", [this], g => [Zeros(fullShape, g.DType).IndexAdd(d, index, g)]);
    }

    /// <summary>
    /// A copy of this tensor with slice k of <paramref name="source"/> added to slice index[k] along <paramref name="dim"/>,
    /// like <c>torch.index_add</c>; repeated indices accumulate. Gradients: ∂/∂self = g, ∂/∂source = g.IndexSelect(dim, index).
    /// </summary>
    public Tensor IndexAdd(int dim, Tensor index, Tensor source)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "IndexAdd");
        if (Dim == 0) throw new ArgumentException("IndexAdd: expected a tensor with at least one dimension, got a scalar.");
        var idx = IndexKernels.Indices(CheckIndexVector(index, "IndexAdd"), "IndexAdd");
        var expected = Shape;
        expected[d] = idx.Length;
        if (!Shapes.Equal(source.ShapeArray, expected))
            throw new ArgumentException($"IndexAdd: source of shape {Shapes.Format(source.ShapeArray)} should have shape {Shapes.Format(expected)} (this tensor's shape {Shapes.Format(ShapeArray)} with dimension {d} replaced by the {idx.Length} indices).");
        if (source.DType != DType)
            throw new ArgumentException($"IndexAdd: source is {source.DType.TorchName()} but this tensor is {DType.TorchName()}.");
        var result = CopyToContiguous();
        IndexKernels.Accumulate(result, IndexKernels.AlongDimPositions(ShapeArray, result.StridesArray, 0, d, idx, "IndexAdd"), source, "IndexAdd");
        return Autograd.Record(result, "IndexAdd", [this, source], g => [g, source.RequiresGrad ? g.IndexSelect(d, index) : null]);
    }

    /// <summary>
    /// A copy with <paramref name="value"/> wherever the bool <paramref name="mask"/> (broadcast against this tensor) is true,
    /// like <c>torch.masked_fill</c>, e.g. −∞ at masked attention scores before a softmax. The filled positions get no gradient.
    /// </summary>
    public Tensor MaskedFill(Tensor mask, double value)
    {
        mask.RequireDType(DType.Bool, "MaskedFill (mask)");
        var shape = Shapes.Broadcast(ShapeArray, mask.ShapeArray, "MaskedFill");
        var result = Detach().Expand(shape).CopyToContiguous();
        var m = Elementwise.Operand(mask, shape, DType.Bool).ReadOnlySpan<bool>();
        var positions = new List<int>();
        for (int i = 0; i < m.Length; i++) if (m[i]) positions.Add(i);
        IndexKernels.Fill(result, positions.ToArray(), value);
        var own = ShapeArray;
        return Autograd.Record(result, "MaskedFill", [this], g => [g.MaskedFill(mask, 0.0).SumTo(own)]);
    }

    /// <summary>
    /// The elements where the bool <paramref name="mask"/> (broadcast against this tensor) is true, as a 1-D tensor in
    /// row-major order, like <c>torch.masked_select</c>. Composed of Expand, Reshape and <see cref="IndexSelect"/>,
    /// so its gradient is an index-add into zeros.
    /// </summary>
    public Tensor MaskedSelect(Tensor mask)
    {
        mask.RequireDType(DType.Bool, "MaskedSelect (mask)");
        var shape = Shapes.Broadcast(ShapeArray, mask.ShapeArray, "MaskedSelect");
        var m = Elementwise.Operand(mask, shape, DType.Bool).ReadOnlySpan<bool>();
        var selected = new List<long>();
        for (int i = 0; i < m.Length; i++) if (m[i]) selected.Add(i);
        return Expand(shape).Reshape(-1).IndexSelect(0, FromArray(selected.ToArray()));
    }

    /// <summary>Checks rank and sizes for gather/scatter and returns the normalized dim.</summary>
    private int CheckGatherShapes(int dim, Tensor index, Tensor? src, string op)
    {
        int d = Shapes.NormalizeDim(dim, Dim, op);
        if (Dim == 0) throw new ArgumentException($"{op}: expected a tensor with at least one dimension, got a scalar.");
        if (index.Dim != Dim)
            throw new ArgumentException($"{op}: index of shape {Shapes.Format(index.ShapeArray)} must have as many dimensions as the tensor of shape {Shapes.Format(ShapeArray)}.");
        for (int k = 0; k < Dim; k++)
            if (k != d && index.ShapeArray[k] > ShapeArray[k])
                throw new ArgumentException($"{op}: index of shape {Shapes.Format(index.ShapeArray)} is larger than the tensor of shape {Shapes.Format(ShapeArray)} in dimension {k}.");
        if (src is null) return d;
        if (src.DType != DType)
            throw new ArgumentException($"{op}: src is {src.DType.TorchName()} but this tensor is {DType.TorchName()}.");
        if (src.Dim != Dim || Enumerable.Range(0, Dim).Any(k => index.ShapeArray[k] > src.ShapeArray[k]))
            throw new ArgumentException($"{op}: src of shape {Shapes.Format(src.ShapeArray)} must have the rank of index {Shapes.Format(index.ShapeArray)} and be at least as large in every dimension.");
        return d;
    }

    private static Tensor CheckIndexVector(Tensor index, string op)
    {
        if (index.Dim > 1)
            throw new ArgumentException($"{op}: the index must be 1-D, got shape {Shapes.Format(index.ShapeArray)}; flatten it first (or use EmbeddingLookup for an index of any shape).");
        return index.Dim == 0 ? index.Reshape(1) : index;
    }

    /// <summary>The leading block of this tensor with the given (smaller or equal) shape, as a view (no gradient recorded).</summary>
    private Tensor Narrowed(int[] shape) => Shapes.Equal(shape, ShapeArray) ? this : ViewOf(shape, StridesArray, Offset);

    /// <summary>This tensor placed in the leading block of zeros of a larger (or equal) shape: the adjoint of <see cref="Narrowed"/>.</summary>
    private Tensor PaddedTo(int[] shape) => Shapes.Equal(shape, ShapeArray) ? this : StridedScatter(this, shape, Shapes.ContiguousStrides(shape), 0);
}
