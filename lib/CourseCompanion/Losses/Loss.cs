using CourseCompanion.Tensors;

namespace CourseCompanion.Losses;

/// <summary>How per-element losses are combined, as PyTorch's <c>reduction</c> argument.</summary>
public enum Reduction
{
    /// <summary>Average over elements (the default).</summary>
    Mean,
    /// <summary>Sum over elements.</summary>
    Sum,
    /// <summary>No reduction: one loss per element.</summary>
    None,
}

/// <summary>Base of the loss functions: <c>loss.Forward(prediction, target)</c>, as PyTorch's loss modules.</summary>
public abstract class Loss(Reduction reduction)
{
    /// <summary>How per-element losses are combined.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>The loss of a prediction against a target.</summary>
    public abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>Applies <see cref="Reduction"/> to per-element losses.</summary>
    protected Tensor Reduce(Tensor losses) => Reduction switch
    {
        Reduction.Mean => losses.Mean(),
        Reduction.Sum => losses.Sum(),
        _ => losses,
    };

    /// <summary>Throws unless input and target have the same shape.</summary>
    protected void RequireSameShape(Tensor input, Tensor target)
    {
        if (!input.Shape.SequenceEqual(target.Shape))
            throw new ArgumentException($"{GetType().Name}: input shape [{string.Join(", ", input.Shape)}] and target shape [{string.Join(", ", target.Shape)}] differ.");
    }
}
