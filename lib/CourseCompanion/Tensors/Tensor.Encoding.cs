namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// One-hot vectors for int64 class labels, like <c>F.one_hot</c>: the result has shape labels.Shape + [numClasses],
    /// dtype int64, and a 1 at each label. With numClasses = −1 the count is the largest label + 1.
    /// </summary>
    public static Tensor OneHot(Tensor labels, int numClasses = -1)
    {
        var idx = IndexKernels.Indices(labels, "OneHot");
        if (numClasses < 0)
        {
            if (idx.Length == 0) throw new ArgumentException("OneHot: cannot infer the number of classes from empty labels; pass numClasses.");
            numClasses = (int)Math.Min(idx.Max() + 1, int.MaxValue);
        }
        var result = Empty([.. labels.ShapeArray, numClasses], DType.Int64);
        var data = result.Span<long>();
        for (int i = 0; i < idx.Length; i++)
        {
            if (idx[i] < 0 || idx[i] >= numClasses)
                throw new IndexOutOfRangeException($"OneHot: label {idx[i]} is out of range for {numClasses} classes.");
            data[i * numClasses + (int)idx[i]] = 1;
        }
        return result;
    }

    /// <summary>
    /// Rows of an embedding matrix <paramref name="weight"/> [vocabulary, dim] for int64 <paramref name="indices"/> of any
    /// shape, like <c>F.embedding(indices, weight)</c>; the result has shape indices.Shape + [dim]. It is
    /// <see cref="IndexSelect"/> on dimension 0, so a row used k times receives the sum of its k gradients and unused rows
    /// receive zero. Rows looked up at <paramref name="paddingIdx"/> pass their values but no gradient, as in PyTorch.
    /// </summary>
    public static Tensor EmbeddingLookup(Tensor weight, Tensor indices, int? paddingIdx = null)
    {
        if (weight.Dim != 2)
            throw new ArgumentException($"EmbeddingLookup: the weight must be a [vocabulary, dim] matrix, got shape {Shapes.Format(weight.ShapeArray)}.");
        int vocabulary = weight.ShapeArray[0];
        var idx = IndexKernels.Indices(indices, "EmbeddingLookup");
        foreach (long i in idx) IndexKernels.CheckRange(i, vocabulary, 0, "EmbeddingLookup");
        var flat = indices.Reshape(-1);
        var rows = weight.IndexSelect(0, flat);
        if (paddingIdx is int p)
        {
            if (p < 0) p += vocabulary;
            IndexKernels.CheckRange(p, vocabulary, 0, "EmbeddingLookup (paddingIdx)");
            var isPad = FromArray(idx.Select(i => i == p).ToArray(), idx.Length, 1);
            var notPad = FromArray(idx.Select(i => i != p).ToArray(), idx.Length, 1);
            rows = rows.MaskedFill(isPad, 0) + rows.Detach().MaskedFill(notPad, 0); // same values; padding rows cut from the graph
        }
        return rows.Reshape([.. indices.ShapeArray, weight.ShapeArray[1]]);
    }
}
