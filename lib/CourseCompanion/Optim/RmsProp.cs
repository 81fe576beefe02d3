using System.Numerics;
using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// RMSProp (Hinton), as <c>torch.optim.RMSprop</c>: r ← αr + (1−α)g²; w ← w − η·g / (√r + ε);
/// with momentum μ: b ← μb + g/(√r + ε); w ← w − η·b.
/// </summary>
public sealed class RmsProp(IEnumerable<Tensor> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double momentum = 0, double weightDecay = 0)
    : Optimizer(parameters, lr)
{
    private readonly Dictionary<int, Array> _squares = new(), _momentum = new();

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> w, ReadOnlySpan<float> grad) => Apply(index, w, grad);

    /// <inheritdoc/>
    protected override void Update(int index, Span<double> w, ReadOnlySpan<double> grad) => Apply(index, w, grad);

    private void Apply<T>(int index, Span<T> w, ReadOnlySpan<T> grad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T a = T.CreateTruncating(alpha), e = T.CreateTruncating(eps), mu = T.CreateTruncating(momentum);
        T lr = T.CreateTruncating(LearningRate), wd = T.CreateTruncating(weightDecay);
        var r = State<T>(_squares, index, w.Length);
        var b = momentum != 0 ? State<T>(_momentum, index, w.Length) : null;
        for (int i = 0; i < w.Length; i++)
        {
            T g = grad[i] + wd * w[i];
            r[i] = a * r[i] + (T.One - a) * g * g;
            T step = g / (T.Sqrt(r[i]) + e);
            if (b is not null) step = b[i] = mu * b[i] + step;
            w[i] -= lr * step;
        }
    }
}
