using System.Numerics;
using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// Adam (Kingma and Ba 2015), as <c>torch.optim.Adam</c>: m ← β₁m + (1−β₁)g; r ← β₂r + (1−β₂)g²;
/// w ← w − η·m̂ / (√r̂ + ε) with bias corrections m̂ = m/(1−β₁ᵗ), r̂ = r/(1−β₂ᵗ): a momentum first moment plus an
/// RMSProp-style second moment (not "Adadelta + momentum"). With amsgrad, r̂ uses the running maximum of the
/// second moment r (the lecture slide wrongly takes the maximum of the first moment).
/// weightDecay adds λw to the gradient (L2); <see cref="AdamW"/> decouples it instead.
/// </summary>
public class Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0, bool amsgrad = false)
    : Optimizer(parameters, lr)
{
    private readonly Dictionary<int, Array> _m = new(), _r = new(), _rMax = new();
    private readonly Dictionary<int, int> _steps = new();

    /// <summary>The L2 coefficient added to the gradient (Adam) or used for decoupled decay (AdamW).</summary>
    protected double WeightDecay => weightDecay;

    /// <summary>True when the decay shrinks weights directly instead of entering the gradient.</summary>
    protected virtual bool DecoupledWeightDecay => false;

    /// <inheritdoc/>
    protected override void Update(int index, Span<float> w, ReadOnlySpan<float> grad) => Apply(index, w, grad);

    /// <inheritdoc/>
    protected override void Update(int index, Span<double> w, ReadOnlySpan<double> grad) => Apply(index, w, grad);

    private void Apply<T>(int index, Span<T> w, ReadOnlySpan<T> grad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int t = _steps[index] = _steps.GetValueOrDefault(index) + 1;
        T b1 = T.CreateTruncating(beta1), b2 = T.CreateTruncating(beta2), e = T.CreateTruncating(eps);
        T lr = T.CreateTruncating(LearningRate), wd = T.CreateTruncating(weightDecay);
        T correction1 = T.One - T.CreateTruncating(Math.Pow(beta1, t));
        T sqrtCorrection2 = T.Sqrt(T.One - T.CreateTruncating(Math.Pow(beta2, t)));
        var m = State<T>(_m, index, w.Length);
        var r = State<T>(_r, index, w.Length);
        var rMax = amsgrad ? State<T>(_rMax, index, w.Length) : null;
        for (int i = 0; i < w.Length; i++)
        {
            T g = grad[i];
            if (DecoupledWeightDecay) w[i] -= lr * wd * w[i];
            else g += wd * w[i];
            m[i] = b1 * m[i] + (T.One - b1) * g;
            r[i] = b2 * r[i] + (T.One - b2) * g * g;
            T second = r[i];
            if (rMax is not null) second = rMax[i] = T.Max(rMax[i], r[i]);
            w[i] -= lr / correction1 * m[i] / (T.Sqrt(second) / sqrtCorrection2 + e);
        }
    }
}

/// <summary>AdamW (Loshchilov and Hutter 2019): Adam with decoupled weight decay w ← w − ηλw, as <c>torch.optim.AdamW</c> (default λ = 0.01).</summary>
public sealed class AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0.01, bool amsgrad = false)
    : Adam(parameters, lr, beta1, beta2, eps, weightDecay, amsgrad)
{
    /// <inheritdoc/>
    protected override bool DecoupledWeightDecay => true;
}
