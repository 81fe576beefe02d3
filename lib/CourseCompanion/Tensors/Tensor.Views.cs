namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    private Tensor ViewOf(int[] shape, int[] strides, int offset) => new(Data, shape, strides, offset, DType);

    /// <summary>The same elements with a new shape; one size may be −1 (inferred). A view when the layout allows, else a copy.</summary>
    public Tensor Reshape(params int[] shape)
    {
        var target = InferShape(shape, "Reshape");
        var source = IsContiguous ? this : Contiguous();
        var result = source.ViewOf(target, Shapes.ContiguousStrides(target), source.Offset);
        return Autograd.Record(result, "Reshape", [source], g => [g.Reshape(source.ShapeArray)]);
    }

    /// <summary>Like <see cref="Reshape"/> but never copies: the tensor must be contiguous.</summary>
    public Tensor View(params int[] shape)
    {
        if (!IsContiguous)
            throw new InvalidOperationException($"View: the tensor of shape {Shapes.Format(ShapeArray)} is not contiguous; call Contiguous() or use Reshape().");
        return Reshape(shape);
    }

    /// <summary>Collapses dimensions startDim … endDim into one.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dim == 0) return Reshape(1);
        int s = Shapes.NormalizeDim(startDim, Dim, "Flatten"), e = Shapes.NormalizeDim(endDim, Dim, "Flatten");
        var shape = new List<int>(ShapeArray[..s]) { Shapes.Product(ShapeArray.AsSpan(s, e - s + 1)) };
        shape.AddRange(ShapeArray[(e + 1)..]);
        return Reshape(shape.ToArray());
    }

    private int[] InferShape(int[] shape, string op)
    {
        var result = (int[])shape.Clone();
        int infer = Array.IndexOf(result, -1);
        if (infer >= 0)
        {
            int known = 1;
            for (int i = 0; i < result.Length; i++) if (i != infer) known *= result[i];
            if (known == 0 || NumEl % known != 0)
                throw new ArgumentException($"{op}: cannot infer a size to view {Shapes.Format(ShapeArray)} ({NumEl} elements) as {Shapes.Format(shape)}.");
            result[infer] = NumEl / known;
        }
        if (Shapes.Product(result) != NumEl)
            throw new ArgumentException($"{op}: shape {Shapes.Format(shape)} does not fit {NumEl} elements of {Shapes.Format(ShapeArray)}.");
        return result;
    }

    /// <summary>Reorders dimensions without copying: result dimension i is input dimension dims[i].</summary>
    public Tensor Permute(params int[] dims)
    {
        if (dims.Length != Dim) throw new ArgumentException($"Permute: {dims.Length} dimensions given for a tensor with {Dim}.");
        var norm = dims.Select(d => Shapes.NormalizeDim(d, Dim, "Permute")).ToArray();
        if (norm.Distinct().Count() != Dim) throw new ArgumentException($"Permute: dimensions [{string.Join(", ", dims)}] repeat.");
        var result = ViewOf(norm.Select(d => ShapeArray[d]).ToArray(), norm.Select(d => StridesArray[d]).ToArray(), Offset);
        var inverse = new int[Dim];
        for (int i = 0; i < Dim; i++) inverse[norm[i]] = i;
        return Autograd.Record(result, "Permute", [this], g => [g.Permute(inverse)]);
    }

    /// <summary>Swaps two dimensions without copying.</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        var dims = Enumerable.Range(0, Dim).ToArray();
        int a = Shapes.NormalizeDim(dim0, Dim, "Transpose"), b = Shapes.NormalizeDim(dim1, Dim, "Transpose");
        (dims[a], dims[b]) = (dims[b], dims[a]);
        return Permute(dims);
    }

    /// <summary>The transpose of a matrix (a vector is returned as is).</summary>
    public Tensor T => Dim switch
    {
        < 2 => this,
        2 => Transpose(0, 1),
        _ => throw new InvalidOperationException($"T: expected at most 2 dimensions, got {Dim}; use Transpose or Permute (or mT for the last two)."),
    };

    /// <summary>Swaps the last two dimensions (batched matrix transpose).</summary>
    public Tensor MT => Transpose(-2, -1);

    /// <summary>Elements start … start + length − 1 along one dimension, without copying.</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Narrow");
        if (start < 0) start += ShapeArray[d];
        if (start < 0 || length < 0 || start + length > ShapeArray[d])
            throw new ArgumentOutOfRangeException(nameof(start), $"Narrow: range [{start}, {start + length}) is outside dimension {d} of size {ShapeArray[d]}.");
        var shape = Shape;
        shape[d] = length;
        var result = ViewOf(shape, StridesArray, Offset + start * StridesArray[d]);
        var fullShape = ShapeArray;
        var dense = Shapes.ContiguousStrides(fullShape);
        return Autograd.RecordView(result, "Narrow", this, g => [StridedScatter(g, fullShape, dense, start * dense[d])], t => t.Narrow(d, start, length));
    }

    /// <summary>Every step-th element from start (inclusive) to end (exclusive) along one dimension, without copying; like x[start:end:step].</summary>
    public Tensor Slice(int dim, int start, int end, int step = 1)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Slice");
        int n = ShapeArray[d];
        if (step <= 0) throw new ArgumentOutOfRangeException(nameof(step), "Slice: step must be positive.");
        start = Math.Clamp(start < 0 ? start + n : start, 0, n);
        end = Math.Clamp(end < 0 ? end + n : end, start, n);
        if (step == 1) return Narrow(d, start, end - start);
        int length = (end - start + step - 1) / step;
        var shape = Shape; shape[d] = length;
        var strides = Strides; strides[d] *= step;
        var result = ViewOf(shape, strides, Offset + start * StridesArray[d]);
        var fullShape = ShapeArray;
        var dense = Shapes.ContiguousStrides(fullShape);
        var viewStrides = (int[])dense.Clone();
        viewStrides[d] *= step;
        return Autograd.RecordView(result, "Slice", this, g => [StridedScatter(g, fullShape, viewStrides, start * dense[d])], t => t.Slice(d, start, end, step));
    }

    /// <summary>Removes one dimension by picking an index in it, without copying; like x[i] along dim.</summary>
    public Tensor Select(int dim, int index)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Select");
        if (index < 0) index += ShapeArray[d];
        return Narrow(d, index, 1).Squeeze(d);
    }

    /// <summary>The sub-tensor at an index of the first dimension, like <c>x[i]</c>.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[int index] => Select(0, index);

    /// <summary>Broadcasts size-1 dimensions to a larger shape without copying (−1 keeps a size); leading dimensions may be added.</summary>
    public Tensor Expand(params int[] shape)
    {
        int lead = shape.Length - Dim;
        if (lead < 0) throw new ArgumentException($"Expand: target {Shapes.Format(shape)} has fewer dimensions than {Shapes.Format(ShapeArray)}.");
        var newShape = new int[shape.Length];
        var strides = new int[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            int own = i < lead ? 1 : ShapeArray[i - lead];
            int target = shape[i] == -1 ? own : shape[i];
            if (own != target && own != 1)
                throw new ArgumentException($"Expand: cannot expand {Shapes.Format(ShapeArray)} to {Shapes.Format(shape)} (dimension {i}: {own} vs {target}).");
            newShape[i] = target;
            strides[i] = i < lead || (own == 1 && target != 1) ? 0 : StridesArray[i - lead];
        }
        var result = ViewOf(newShape, strides, Offset);
        var original = ShapeArray;
        return Autograd.Record(result, "Expand", [this], g => [g.SumTo(original)]);
    }

    /// <summary>Expands to the shape of <paramref name="other"/>.</summary>
    public Tensor ExpandAs(Tensor other) => Expand(other.ShapeArray);

    /// <summary>Removes size-1 dimensions (all of them, or just <paramref name="dim"/>).</summary>
    public Tensor Squeeze(int? dim = null)
    {
        var keep = Enumerable.Range(0, Dim).Where(i => dim is int d ? i != Shapes.NormalizeDim(d, Dim, "Squeeze") || ShapeArray[i] != 1 : ShapeArray[i] != 1).ToArray();
        var result = ViewOf(keep.Select(i => ShapeArray[i]).ToArray(), keep.Select(i => StridesArray[i]).ToArray(), Offset);
        var original = ShapeArray;
        return Autograd.Record(result, "Squeeze", [this], g => [g.Reshape(original)]);
    }

    /// <summary>Inserts a size-1 dimension at <paramref name="dim"/> (negative counts from the end of the result).</summary>
    public Tensor Unsqueeze(int dim)
    {
        int d = dim < 0 ? dim + Dim + 1 : dim;
        if (d < 0 || d > Dim) throw new ArgumentOutOfRangeException(nameof(dim), $"Unsqueeze: dimension {dim} is out of range for {Dim + 1} result dimensions.");
        var shape = new List<int>(ShapeArray); shape.Insert(d, 1);
        var strides = new List<int>(StridesArray); strides.Insert(d, d < Dim ? StridesArray[d] * ShapeArray[d] : 1);
        var result = ViewOf(shape.ToArray(), strides.ToArray(), Offset);
        var original = ShapeArray;
        return Autograd.Record(result, "Unsqueeze", [this], g => [g.Reshape(original)]);
    }
}
