using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// Batch normalisation of images [N, C, H, W], per channel C over the batch and all pixels (the lecture's "spatial"
/// batch norm after a convolution), as <c>nn.BatchNorm2d</c>; see <see cref="BatchNorm"/> for the formulas.
/// </summary>
public sealed class BatchNorm2d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true, DType dtype = DType.Float32)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats, dtype)
{
    /// <inheritdoc/>
    protected override void CheckInput(Tensor input)
    {
        if (input.Dim != 4)
            throw new ArgumentException($"BatchNorm2d: expected a 4-D [N, C, H, W] input, got shape [{string.Join(", ", input.Shape)}].");
    }
}
