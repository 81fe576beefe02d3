using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>Builds batch tensors by copying whole example rows (PyTorch's <c>default_collate</c>).</summary>
internal static class Collate
{
    /// <summary>Rows <paramref name="indices"/> of a contiguous tensor [N, …], stacked into [B, …].</summary>
    public static Tensor Rows(Tensor source, ReadOnlySpan<int> indices)
    {
        var shape = source.Shape;
        int rowSize = shape.Length == 1 ? 1 : source.NumEl / shape[0];
        shape[0] = indices.Length;
        var batch = Tensor.Empty(shape, source.DType);
        for (int b = 0; b < indices.Length; b++)
            Array.Copy(source.Data, source.Offset + indices[b] * rowSize, batch.Data, b * rowSize, rowSize);
        return batch;
    }

    /// <summary>Equal-shaped tensors stacked along a new first dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> items)
    {
        var first = items[0];
        var batch = Tensor.Empty([items.Count, .. first.ShapeArray], first.DType);
        int rowSize = first.NumEl;
        for (int b = 0; b < items.Count; b++)
        {
            var item = items[b].Contiguous();
            if (item.DType != first.DType || !item.ShapeArray.AsSpan().SequenceEqual(first.ShapeArray))
                throw new ArgumentException($"Collate: example {b} is a {item.DType.TorchName()} tensor of shape [{string.Join(", ", item.ShapeArray)}], " +
                                            $"but example 0 is {first.DType.TorchName()} [{string.Join(", ", first.ShapeArray)}]; a batch needs equal shapes and types.");
            Array.Copy(item.Data, item.Offset, batch.Data, b * rowSize, rowSize);
        }
        return batch;
    }
}
