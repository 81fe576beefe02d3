using CourseCompanion.Tensors;

namespace CourseCompanion.Optim;

/// <summary>
/// Base of the optimizers, as <c>torch.optim.Optimizer</c>: holds the parameters and a learning rate
/// (which schedulers change), clears gradients, and updates each parameter in place from its gradient
/// with the algorithm's per-parameter state. Updates run on flat float32/float64 spans, vectorised.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;

    /// <summary>Takes the parameters to optimise (e.g. <c>model.Parameters()</c>).</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0) throw new ArgumentException($"{GetType().Name}: no parameters to optimise.", nameof(parameters));
        foreach (var p in _parameters)
        {
            if (!p.DType.IsFloatingPoint()) throw new ArgumentException($"{GetType().Name}: parameters must be floating-point, got {p.DType.TorchName()}.");
            if (!p.IsContiguous) throw new ArgumentException($"{GetType().Name}: parameters must be contiguous tensors (leaves), not views.");
        }
        if (learningRate < 0) throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be non-negative.");
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
    }

    /// <summary>The step size used by the next <see cref="Step"/>; schedulers set it.</summary>
    public double LearningRate { get; set; }

    /// <summary>The learning rate given at construction, the base that schedules scale.</summary>
    public double InitialLearningRate { get; }

    /// <summary>The optimised tensors.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>Number of steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.Grad = null;
    }

    /// <summary>Updates every parameter that has a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < _parameters.Length; i++)
        {
            var p = _parameters[i];
            if (p.Grad is not { } grad) continue;
            var g = grad.Detach().To(p.DType).Contiguous();
            if (p.DType == DType.Float32) Update(i, p.Span<float>(), g.ReadOnlySpan<float>());
            else Update(i, p.Span<double>(), g.ReadOnlySpan<double>());
        }
    }

    /// <summary>One update of parameter <paramref name="index"/> in place (float32).</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>One update of parameter <paramref name="index"/> in place (float64).</summary>
    protected abstract void Update(int index, Span<double> parameter, ReadOnlySpan<double> gradient);

    /// <summary>Per-parameter state buffer (zeros at first use), e.g. a momentum or second-moment estimate.</summary>
    protected T[] State<T>(Dictionary<int, Array> store, int index, int length)
    {
        if (!store.TryGetValue(index, out var buffer)) store[index] = buffer = new T[length];
        return (T[])buffer;
    }
}
