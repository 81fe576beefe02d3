namespace CourseCompanion.Tensors;

/// <summary>
/// One recorded operation: its inputs and the rule that turns the gradient of its output into gradients
/// of its inputs (null where an input needs none). Rules are written with tensor operations, so running
/// them with recording on (<c>createGraph</c>) gives differentiable gradients and second derivatives.
/// </summary>
internal sealed class GradFn(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
{
    public string Name { get; } = name;
    public Tensor[] Inputs { get; } = inputs;
    public Func<Tensor, Tensor?[]> Backward { get; } = backward;
}
