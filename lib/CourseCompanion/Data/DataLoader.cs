using System.Collections;
using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// Mini-batches over a <see cref="Dataset"/>, like <c>torch.utils.data.DataLoader</c>: each batch is (inputs [B, …], targets [B, …]).
/// With <c>shuffle</c>, every pass (epoch) draws a new order from the generator, so a seeded generator gives the same
/// sequence of epochs every run. An optional transform is applied to each example's input before batching.
/// </summary>
public sealed class DataLoader : IEnumerable<(Tensor Input, Tensor Target)>
{
    private readonly Generator _generator;

    /// <summary>Batches of <paramref name="batchSize"/> examples; <paramref name="dropLast"/> skips a final smaller batch.</summary>
    public DataLoader(Dataset dataset, int batchSize, bool shuffle = false, bool dropLast = false,
                      Generator? generator = null, ITransform? transform = null)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "DataLoader: the batch size must be positive.");
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        Transform = transform;
        _generator = generator ?? Generator.Default;
    }

    /// <summary>The dataset batches are drawn from.</summary>
    public Dataset Dataset { get; }

    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch visits the examples in a new random order.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a final batch smaller than <see cref="BatchSize"/> is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Applied to each example's input, or null.</summary>
    public ITransform? Transform { get; }

    /// <summary>Number of batches per epoch (<c>len(loader)</c>).</summary>
    public int Count => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>One epoch of batches.</summary>
    public IEnumerator<(Tensor Input, Tensor Target)> GetEnumerator()
    {
        var order = Shuffle
            ? Tensor.Randperm(Dataset.Count, _generator).ToArray<long>().Select(i => (int)i).ToArray()
            : Enumerable.Range(0, Dataset.Count).ToArray();
        for (int b = 0; b < Count; b++)
        {
            int start = b * BatchSize;
            yield return Batch(order.AsSpan(start, Math.Min(BatchSize, order.Length - start)));
        }
    }

    private (Tensor Input, Tensor Target) Batch(ReadOnlySpan<int> indices)
    {
        if (Dataset is TensorDataset tensors && Transform is null)
            return (Collate.Rows(tensors.Inputs, indices), Collate.Rows(tensors.Targets, indices));
        var inputs = new Tensor[indices.Length];
        var targets = new Tensor[indices.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            var (input, target) = Dataset[indices[k]];
            inputs[k] = Transform is null ? input : Transform.Apply(input);
            targets[k] = target;
        }
        return (Collate.Stack(inputs), Collate.Stack(targets));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
