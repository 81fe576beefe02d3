using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// A lookup table of learned vectors, as <c>nn.Embedding</c>: int64 indices of any shape become rows of
/// <see cref="Weight"/> [numEmbeddings, embeddingDim], shape indices.Shape + [embeddingDim]. The weight starts N(0, 1), as in
/// PyTorch. The row at <see cref="PaddingIdx"/> (e.g. the padding token of a batch of sentences) starts at zero and receives no
/// gradient, so it stays as it is.
/// </summary>
public sealed class Embedding : Module
{
    /// <summary>The table [numEmbeddings, embeddingDim].</summary>
    public Tensor Weight { get; }

    /// <summary>The index whose row gets no gradient (normalised to be non-negative), or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>Creates the table; a negative <paramref name="paddingIdx"/> counts from the end, as in PyTorch.</summary>
    public Embedding(int numEmbeddings, int embeddingDim, int? paddingIdx = null, Generator? generator = null, DType dtype = DType.Float32)
    {
        if (paddingIdx is int p)
        {
            if (p < -numEmbeddings || p >= numEmbeddings)
                throw new ArgumentOutOfRangeException(nameof(paddingIdx), p, $"Embedding: paddingIdx must lie in [−{numEmbeddings}, {numEmbeddings}).");
            PaddingIdx = p < 0 ? p + numEmbeddings : p;
        }
        Weight = RegisterParameter("weight", Init.Normal(Tensor.Zeros([numEmbeddings, embeddingDim], dtype), 0, 1, generator));
        if (PaddingIdx is int pad)
            using (Autograd.NoGrad()) Weight[pad].Zero_();
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.EmbeddingLookup(Weight, input, PaddingIdx);

    /// <inheritdoc/>
    protected override string ExtraRepr() => string.Create(CultureInfo.InvariantCulture,
        $"{Weight.Size(0)}, {Weight.Size(1)}{(PaddingIdx is int p ? $", padding_idx={p}" : "")}");
}
