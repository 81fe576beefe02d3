using CourseCompanion.Tensors;

namespace CourseCompanion.Reference;

/// <summary>
/// 2-D max pooling as in the exercises: "valid" windows only (no padding), output size ⌊(y − p_y)/s_y⌋ + 1;
/// backward routes each error to the position of its window's maximum (first one on ties) and adds where
/// overlapping windows share a maximum.
/// </summary>
public sealed class Pooling(int[] strideShape, int[] poolingShape) : ILayer
{
    private int[]? _inputShape;
    private int[]? _argmax;

    /// <summary>[s_y, s_x].</summary>
    public int[] StrideShape { get; } = (int[])strideShape.Clone();

    /// <summary>[p_y, p_x].</summary>
    public int[] PoolingShape { get; } = (int[])poolingShape.Clone();

    /// <inheritdoc/>
    public bool Trainable => false;

    /// <inheritdoc/>
    public bool TestingPhase { get; set; }

    /// <inheritdoc/>
    public Tensor Forward(Tensor input)
    {
        if (input.Dim != 4) throw new ArgumentException($"Pooling.Forward: expected [batch, channels, y, x], got [{string.Join(", ", input.Shape)}].");
        _inputShape = input.Shape;
        var x = input.Double().Contiguous().ToArray<double>();
        int bc = _inputShape[0] * _inputShape[1], ny = _inputShape[2], nx = _inputShape[3];
        int py = PoolingShape[0], px = PoolingShape[1], sy = StrideShape[0], sx = StrideShape[1];
        int oy = (ny - py) / sy + 1, ox = (nx - px) / sx + 1;
        var output = new double[bc * oy * ox];
        _argmax = new int[output.Length];
        for (int plane = 0; plane < bc; plane++)
            for (int p = 0; p < oy; p++)
                for (int q = 0; q < ox; q++)
                {
                    int best = plane * ny * nx + p * sy * nx + q * sx;
                    for (int i = 0; i < py; i++)
                        for (int j = 0; j < px; j++)
                        {
                            int at = plane * ny * nx + (p * sy + i) * nx + q * sx + j;
                            if (x[at] > x[best]) best = at;
                        }
                    int o = (plane * oy + p) * ox + q;
                    output[o] = x[best];
                    _argmax[o] = best;
                }
        return Tensor.FromArray(output, _inputShape[0], _inputShape[1], oy, ox);
    }

    /// <inheritdoc/>
    public Tensor Backward(Tensor error)
    {
        var argmax = _argmax ?? throw new InvalidOperationException("Pooling.Backward: call Forward first.");
        var e = error.Double().Contiguous().ToArray<double>();
        var dx = new double[_inputShape!.Aggregate(1, (a, b) => a * b)];
        for (int o = 0; o < e.Length; o++) dx[argmax[o]] += e[o];
        return Tensor.FromArray(dx, _inputShape!);
    }
}
