using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// Stochastic gradient descent, with optional momentum, Nesterov momentum and (L2) weight decay, as
/// <c>torch.optim.SGD</c>: g ← ∇ + λw; v ← μv + g; w ← w − η·(Nesterov ? g + μv : v). Without momentum: w ← w − η·g.
/// </summary>
public sealed class Sgd(IEnumerable<Tensor> parameters, double lr, double momentum = 0, bool nesterov = false, double weightDecay = 0)
    : Optimizer(parameters, lr)
{
    private readonly Dictionary<int, Array> _velocity = new(), _scratch = new();

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> w, ReadOnlySpan<float> grad) => Apply(index, w, grad);

    /// <inheritdoc/>
    protected override void Update(int index, Span<double> w, ReadOnlySpan<double> grad) => Apply(index, w, grad);

    private void Apply<T>(int index, Span<T> w, ReadOnlySpan<T> grad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lr = T.CreateTruncating(LearningRate), mu = T.CreateTruncating(momentum);
        if (momentum == 0 && weightDecay == 0)
        {
            TensorPrimitives.MultiplyAdd(grad, -lr, w, w); // plain SGD: one pass, no scratch
            return;
        }
        var g = State<T>(_scratch, index, w.Length).AsSpan();
        TensorPrimitives.MultiplyAdd(w, T.CreateTruncating(weightDecay), grad, g); // g = ∇ + λw
        if (momentum != 0)
        {
            bool first = !_velocity.ContainsKey(index);
            var v = State<T>(_velocity, index, w.Length).AsSpan();
            if (first) g.CopyTo(v); // PyTorch starts the buffer at the first gradient
            else TensorPrimitives.MultiplyAdd(v, mu, g, v); // v = μv + g
            if (nesterov) TensorPrimitives.MultiplyAdd(v, mu, g, g); // g + μv
            else v.CopyTo(g);
        }
        TensorPrimitives.MultiplyAdd(g, -lr, w, w);
    }
}
