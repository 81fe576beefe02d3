namespace CourseCompanion.Tensors;

/// <summary>
/// One recorded operation: its inputs and the rule that turns the gradient of its output into gradients
/// of its inputs (null where an input needs none). Rules are written with tensor operations, so running
/// them with recording on (<c>createGraph</c>) gives differentiable gradients and second derivatives.
/// A view that picks part of its single input (narrow, slice) also gives <see cref="ViewOf"/>, the same view of any tensor
/// of the input's shape, so a pass without a graph can add its gradient into place instead of running the rule.
/// </summary>
internal sealed class GradFn(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, Func<Tensor, Tensor>? viewOf = null)
{
    public string Name { get; } = name;
    public Tensor[] Inputs { get; } = inputs;
    public Func<Tensor, Tensor?[]> Backward { get; } = backward;
    public Func<Tensor, Tensor>? ViewOf { get; } = viewOf;
}
