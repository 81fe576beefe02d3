using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>Flattens dimensions startDim … endDim (default: all but the batch dimension).</summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Flatten(startDim, endDim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"start_dim={startDim}, end_dim={endDim}";
}
