namespace CourseCompanion.Tensors;

/// <summary>
/// Sums the gradients that reach each tensor from its several uses during a backward pass. Without a graph, the first
/// contribution is kept as it comes; the second starts a buffer of the pass's own, into which later ones are added in place;
/// the gradient of a slice (narrow, select, chunk, split) goes straight into its part of that buffer instead of being
/// spread to full size first, so walking a sequence step by step costs one buffer, not one per step.
/// </summary>
internal sealed class GradientSum
{
    private readonly Dictionary<Tensor, Tensor> _sums = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Tensor, Tensor> _owned = new(ReferenceEqualityComparer.Instance);

    /// <summary>Starts the pass with the gradient of its root.</summary>
    public GradientSum(Tensor root, Tensor gradient) => _sums[root] = gradient;

    /// <summary>Takes out the finished sum for <paramref name="tensor"/>, if any gradient reached it.</summary>
    public bool TryTake(Tensor tensor, out Tensor sum) => _sums.Remove(tensor, out sum!);

    /// <summary>Adds a gradient of <paramref name="tensor"/>'s full shape.</summary>
    public void Add(Tensor tensor, Tensor gradient)
    {
        if (!_sums.TryGetValue(tensor, out var old)) _sums[tensor] = gradient;
        else if (Owned(tensor, old)) AddInto(old, gradient);
        else _sums[tensor] = _owned[tensor] = old + gradient;
    }

    /// <summary>Adds a gradient as a recorded operation (create_graph), leaving every earlier tensor as it was.</summary>
    public void AddWithGraph(Tensor tensor, Tensor gradient) =>
        _sums[tensor] = _sums.TryGetValue(tensor, out var old) ? old + gradient : gradient;

    /// <summary>Adds the gradient of a view of <paramref name="tensor"/>; <paramref name="viewOf"/> takes the same view of a tensor of its shape.</summary>
    public void AddToView(Tensor tensor, Func<Tensor, Tensor> viewOf, Tensor gradient)
    {
        if (!_sums.TryGetValue(tensor, out var sum) || !Owned(tensor, sum))
        {
            sum = sum is null ? Tensor.Zeros(tensor.ShapeArray, gradient.DType) : sum.Clone();
            _sums[tensor] = _owned[tensor] = sum;
        }
        AddInto(viewOf(sum), gradient);
    }

    private bool Owned(Tensor tensor, Tensor sum) => _owned.TryGetValue(tensor, out var own) && ReferenceEquals(own, sum);

    private static void AddInto(Tensor target, Tensor values)
    {
        if (values.DType != target.DType) values = values.To(target.DType);
        if (target.DType == DType.Float32) BroadcastRuns.AddInto<float>(target, values);
        else BroadcastRuns.AddInto<double>(target, values);
    }
}
