using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>AdaGrad (Duchi et al. 2011), as <c>torch.optim.Adagrad</c>: r ← r + g²; w ← w − η·g / (√r + ε).</summary>
public sealed class Adagrad(IEnumerable<Tensor> parameters, double lr = 0.01, double eps = 1e-10, double weightDecay = 0)
    : Optimizer(parameters, lr)
{
    private readonly Dictionary<int, Array> _sum = new(), _scratch = new();

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> w, ReadOnlySpan<float> grad) => Apply(index, w, grad);

    /// <inheritdoc/>
    protected override void Update(int index, Span<double> w, ReadOnlySpan<double> grad) => Apply(index, w, grad);

    private void Apply<T>(int index, Span<T> w, ReadOnlySpan<T> grad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = State<T>(_scratch, index, w.Length).AsSpan();
        var r = State<T>(_sum, index, w.Length).AsSpan();
        TensorPrimitives.MultiplyAdd(w, T.CreateTruncating(weightDecay), grad, g);
        TensorPrimitives.MultiplyAdd(g, g, r, r);
        for (int i = 0; i < w.Length; i++) g[i] /= T.Sqrt(r[i]) + T.CreateTruncating(eps);
        TensorPrimitives.MultiplyAdd(g, T.CreateTruncating(-LearningRate), w, w);
    }
}
