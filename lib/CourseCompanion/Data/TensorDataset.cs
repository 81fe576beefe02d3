using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// A dataset held in two tensors whose first dimension indexes the examples, like <c>torch.utils.data.TensorDataset</c>:
/// example i is (inputs[i], targets[i]).
/// </summary>
public sealed class TensorDataset : Dataset
{
    /// <summary>Wraps inputs [N, …] and targets [N, …] (both are made contiguous once, so batches copy whole rows).</summary>
    public TensorDataset(Tensor inputs, Tensor targets)
    {
        if (inputs.Dim == 0 || targets.Dim == 0 || inputs.Size(0) != targets.Size(0))
            throw new ArgumentException($"TensorDataset: inputs {Format(inputs)} and targets {Format(targets)} must have the same size in dimension 0.");
        Inputs = inputs.Detach().Contiguous();
        Targets = targets.Detach().Contiguous();
    }

    /// <summary>All inputs, [N, …].</summary>
    public Tensor Inputs { get; }

    /// <summary>All targets, [N, …].</summary>
    public Tensor Targets { get; }

    /// <inheritdoc/>
    public override int Count => Inputs.Size(0);

    /// <inheritdoc/>
    public override (Tensor Input, Tensor Target) this[int index] => (Inputs[index], Targets[index]);

    private static string Format(Tensor t) => "[" + string.Join(", ", t.Shape) + "]";
}
