using System.Collections;
using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// A map-style dataset as in PyTorch: <see cref="Count"/> examples, each an (input, target) pair of tensors
/// fetched by index. A <see cref="DataLoader"/> turns it into shuffled mini-batches.
/// </summary>
public abstract class Dataset : IReadOnlyList<(Tensor Input, Tensor Target)>
{
    /// <summary>Number of examples.</summary>
    public abstract int Count { get; }

    /// <summary>The example at <paramref name="index"/>.</summary>
    public abstract (Tensor Input, Tensor Target) this[int index] { get; }

    /// <summary>The examples in order.</summary>
    public IEnumerator<(Tensor Input, Tensor Target)> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
