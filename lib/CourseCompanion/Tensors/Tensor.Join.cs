namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Joins tensors end to end along an existing dimension, like <c>torch.cat</c>; all other sizes must agree.
    /// Mixed dtypes are promoted; 1-D empty tensors are skipped, as in PyTorch. Its backward is
    /// <see cref="Narrow"/>: each input gets back its own stretch of the gradient.
    /// </summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("Cat: expected at least one tensor.");
        var inputs = tensors.ToArray();
        bool Skipped(Tensor t) => t.Dim == 1 && t.NumEl == 0;
        var parts = inputs.Where(t => !Skipped(t)).ToArray();
        if (parts.Length == 0) return tensors[0];
        var first = parts[0];
        if (first.Dim == 0) throw new ArgumentException("Cat: zero-dimensional tensors cannot be concatenated; use Stack.");
        int d = Shapes.NormalizeDim(dim, first.Dim, "Cat");
        var shape = first.Shape;
        shape[d] = 0;
        var dtype = first.DType;
        for (int k = 0; k < parts.Length; k++)
        {
            var t = parts[k];
            bool fits = t.Dim == first.Dim && Enumerable.Range(0, t.Dim).All(i => i == d || t.ShapeArray[i] == first.ShapeArray[i]);
            if (!fits)
                throw new ArgumentException($"Cat: tensor {Array.IndexOf(inputs, t)} has shape {Shapes.Format(t.ShapeArray)}, which does not match {Shapes.Format(first.ShapeArray)} outside dimension {d}.");
            shape[d] += t.ShapeArray[d];
            dtype = DTypeInfo.Promote(dtype, t.DType);
        }

        var result = Empty(shape, dtype);
        var strides = result.StridesArray;
        var starts = new int[parts.Length];
        for (int k = 0, start = 0; k < parts.Length; start += parts[k].ShapeArray[d], k++)
        {
            starts[k] = start;
            IndexKernels.Put(result, StridedCopy.Offsets(start * strides[d], parts[k].ShapeArray, strides), parts[k]);
        }
        return Autograd.Record(result, "Cat", inputs, g =>
        {
            var grads = new Tensor?[inputs.Length];
            for (int i = 0, k = 0; i < inputs.Length; i++)
                grads[i] = Skipped(inputs[i]) ? ZerosLike(inputs[i]) : g.Narrow(d, starts[k], parts[k++].ShapeArray[d]);
            return grads;
        });
    }

    /// <summary>Joins tensors of equal shape along a new dimension, like <c>torch.stack</c> (Cat of Unsqueeze).</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("Stack: expected at least one tensor.");
        var shape = tensors[0].ShapeArray;
        for (int k = 1; k < tensors.Count; k++)
            if (!Shapes.Equal(tensors[k].ShapeArray, shape))
                throw new ArgumentException($"Stack: tensor {k} has shape {Shapes.Format(tensors[k].ShapeArray)}, tensor 0 has {Shapes.Format(shape)}; all must be equal.");
        int d = dim < 0 ? dim + shape.Length + 1 : dim;
        if (d < 0 || d > shape.Length)
            throw new ArgumentOutOfRangeException(nameof(dim), $"Stack: dimension {dim} is out of range for {shape.Length + 1} result dimensions.");
        return Cat(tensors.Select(t => t.Unsqueeze(d)).ToArray(), d);
    }

    /// <summary>
    /// Views of consecutive pieces of <paramref name="splitSize"/> along <paramref name="dim"/> (the last may be shorter),
    /// like <c>torch.split(x, size, dim)</c>. Each piece is a <see cref="Narrow"/> view, so gradients flow back.
    /// </summary>
    public Tensor[] Split(int splitSize, int dim = 0)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Split");
        if (Dim == 0) throw new ArgumentException("Split: a scalar cannot be split.");
        int n = ShapeArray[d];
        if (splitSize <= 0 && !(splitSize == 0 && n == 0))
            throw new ArgumentOutOfRangeException(nameof(splitSize), $"Split: the size of a piece must be positive, got {splitSize}.");
        if (n == 0) return [this];
        var sizes = new List<int>();
        for (int start = 0; start < n; start += splitSize) sizes.Add(Math.Min(splitSize, n - start));
        return Split(sizes.ToArray(), d);
    }

    /// <summary>Views of consecutive pieces with the given sizes along <paramref name="dim"/>, which must add up to its size; like <c>torch.split(x, [2, 3], dim)</c>.</summary>
    public Tensor[] Split(int[] splitSizes, int dim = 0)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Split");
        if (Dim == 0) throw new ArgumentException("Split: a scalar cannot be split.");
        if (splitSizes.Any(s => s < 0) || splitSizes.Sum() != ShapeArray[d])
            throw new ArgumentException($"Split: sizes [{string.Join(", ", splitSizes)}] must be non-negative and add up to {ShapeArray[d]}, the size of dimension {d} of {Shapes.Format(ShapeArray)}.");
        var pieces = new Tensor[splitSizes.Length];
        for (int k = 0, start = 0; k < pieces.Length; start += splitSizes[k], k++) pieces[k] = Narrow(d, start, splitSizes[k]);
        return pieces;
    }

    /// <summary>
    /// At most <paramref name="chunks"/> views of equal size ⌈n / chunks⌉ along <paramref name="dim"/> (the last may be smaller),
    /// like <c>torch.chunk</c>; as there, fewer pieces come back when the size does not allow that many.
    /// </summary>
    public Tensor[] Chunk(int chunks, int dim = 0)
    {
        if (chunks <= 0) throw new ArgumentOutOfRangeException(nameof(chunks), $"Chunk: the number of chunks must be positive, got {chunks}.");
        int d = Shapes.NormalizeDim(dim, Dim, "Chunk");
        if (Dim == 0) throw new ArgumentException("Chunk: a scalar cannot be chunked.");
        int n = ShapeArray[d];
        return n == 0 ? [this] : Split((n + chunks - 1) / chunks, d);
    }

    /// <summary>The slices along <paramref name="dim"/>, with that dimension removed, like <c>torch.unbind</c> (the inverse of <see cref="Stack"/>).</summary>
    public Tensor[] Unbind(int dim = 0)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Unbind");
        if (Dim == 0) throw new ArgumentException("Unbind: a scalar has no dimension to unbind.");
        return Enumerable.Range(0, ShapeArray[d]).Select(i => Select(d, i)).ToArray();
    }

    /// <summary>
    /// The tensor repeated repeats[i] times along dimension i, like <c>torch.Tensor.repeat</c> (NumPy's <c>tile</c>);
    /// extra leading repeats add dimensions. Composed of Reshape and Expand, so the gradient sums over the copies.
    /// </summary>
    public Tensor Repeat(params int[] repeats)
    {
        if (repeats.Length < Dim)
            throw new ArgumentException($"Repeat: {repeats.Length} repeat counts for a tensor with {Dim} dimensions; give at least one per dimension.");
        if (repeats.Any(r => r < 0)) throw new ArgumentException($"Repeat: counts [{string.Join(", ", repeats)}] must not be negative.");
        int lead = repeats.Length - Dim;
        var sizes = Enumerable.Repeat(1, lead).Concat(ShapeArray).ToArray();
        // [s0, s1, …] → [1, s0, 1, s1, …] → expand to [r0, s0, r1, s1, …] → merge pairs into [r0·s0, r1·s1, …]
        var interleaved = sizes.SelectMany(s => new[] { 1, s }).ToArray();
        var expanded = repeats.Zip(sizes, (r, s) => new[] { r, s }).SelectMany(p => p).ToArray();
        return Reshape(interleaved).Expand(expanded).Reshape(repeats.Zip(sizes, (r, s) => r * s).ToArray());
    }

    /// <summary>Like <see cref="Repeat"/>, but fewer counts than dimensions repeat the trailing ones (leading counts of 1 are implied), like <c>torch.tile</c>.</summary>
    public Tensor Tile(params int[] dims) =>
        Repeat(dims.Length < Dim ? Enumerable.Repeat(1, Dim - dims.Length).Concat(dims).ToArray() : dims);
}
