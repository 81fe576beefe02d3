using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Batch normalisation of features [N, C] or of sequences [N, C, L], per channel C, as <c>nn.BatchNorm1d</c>;
/// see <see cref="BatchNorm"/> for the formulas, the running statistics and train/eval behaviour.
/// </summary>
public sealed class BatchNorm1d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override void CheckInput(Tensor input)
    {
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"BatchNorm1d: expected a 2-D [N, C] or 3-D [N, C, L] input, got shape [{string.Join(", ", input.Shape)}].");
    }
}
