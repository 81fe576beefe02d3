namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Accumulates the gradient of this tensor into the <c>.Grad</c> of every leaf it depends on.
    /// A scalar needs no <paramref name="gradient"/>; with <paramref name="createGraph"/> the gradients are
    /// recorded too, so they can be differentiated again (gradient penalties, second derivatives).
    /// </summary>
    public void Backward(Tensor? gradient = null, bool createGraph = false) => Autograd.Backward(this, gradient, createGraph);
}
