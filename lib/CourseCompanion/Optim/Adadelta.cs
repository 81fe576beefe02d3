using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// AdaDelta (Zeiler 2012), as <c>torch.optim.Adadelta</c>: r ← ρr + (1−ρ)g²; Δ = √(h + ε)/√(r + ε)·g;
/// h ← ρh + (1−ρ)Δ²; w ← w − η·Δ. The lecture slide drops ε from the numerator, so h (starting at 0) would never move.
/// </summary>
public sealed class Adadelta(IEnumerable<Tensor> parameters, double lr = 1.0, double rho = 0.9, double eps = 1e-6, double weightDecay = 0)
    : Optimizer(parameters, lr)
{
    private readonly Dictionary<int, Array> _squares = new(), _deltas = new(), _scratch = new();

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> w, ReadOnlySpan<float> grad) => Apply(index, w, grad);

    /// <inheritdoc/>
    protected override void Update(int index, Span<double> w, ReadOnlySpan<double> grad) => Apply(index, w, grad);

    private void Apply<T>(int index, Span<T> w, ReadOnlySpan<T> grad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T r0 = T.CreateTruncating(rho), r1 = T.One - r0, e = T.CreateTruncating(eps);
        var g = State<T>(_scratch, index, w.Length).AsSpan();
        var r = State<T>(_squares, index, w.Length).AsSpan();
        var h = State<T>(_deltas, index, w.Length).AsSpan();
        TensorPrimitives.MultiplyAdd(w, T.CreateTruncating(weightDecay), grad, g);
        for (int i = 0; i < w.Length; i++)
        {
            r[i] = r0 * r[i] + r1 * g[i] * g[i];
            T delta = T.Sqrt(h[i] + e) / T.Sqrt(r[i] + e) * g[i];
            h[i] = r0 * h[i] + r1 * delta * delta;
            w[i] -= T.CreateTruncating(LearningRate) * delta;
        }
    }
}
