namespace CourseCompanion.Tensors;

/// <summary>
/// Reverse-mode automatic differentiation: recording switch, <see cref="Grad"/> for gradients without
/// touching <c>.Grad</c>, and the reverse walk behind <see cref="Tensor.Backward"/>.
/// </summary>
public static class Autograd
{
    [ThreadStatic] private static int _disabledDepth;

    /// <summary>False inside a <see cref="NoGrad"/> scope: operations then record nothing.</summary>
    public static bool IsEnabled => _disabledDepth == 0;

    /// <summary>A scope in which operations record no graph, like <c>torch.no_grad()</c>: <c>using (Autograd.NoGrad()) { ... }</c>.</summary>
    public static IDisposable NoGrad() => new Scope(enable: false);

    /// <summary>A scope that turns recording back on inside a <see cref="NoGrad"/> scope.</summary>
    public static IDisposable EnableGrad() => new Scope(enable: true);

    private sealed class Scope : IDisposable
    {
        private readonly int _saved;
        private bool _disposed;
        public Scope(bool enable) { _saved = _disabledDepth; _disabledDepth = enable ? 0 : _disabledDepth + 1; }
        public void Dispose() { if (!_disposed) { _disabledDepth = _saved; _disposed = true; } }
    }

    /// <summary>True when an operation on these inputs must record itself.</summary>
    internal static bool ShouldRecord(Tensor a) => IsEnabled && a.RequiresGrad;

    internal static bool ShouldRecord(Tensor a, Tensor b) => IsEnabled && (a.RequiresGrad || b.RequiresGrad);

    internal static bool ShouldRecord(ReadOnlySpan<Tensor> inputs)
    {
        if (!IsEnabled) return false;
        foreach (var t in inputs) if (t.RequiresGrad) return true;
        return false;
    }

    /// <summary>Attaches a backward rule to <paramref name="output"/> when any input requires grad; returns the output.</summary>
    internal static Tensor Record(Tensor output, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        if (ShouldRecord(inputs)) output.SetGradFn(new GradFn(name, inputs, backward));
        return output;
    }

    /// <summary>Records a view that picks part of <paramref name="input"/>; <paramref name="viewOf"/> takes the same view of another tensor of its shape.</summary>
    internal static Tensor RecordView(Tensor output, string name, Tensor input, Func<Tensor, Tensor?[]> backward, Func<Tensor, Tensor> viewOf)
    {
        if (ShouldRecord(input)) output.SetGradFn(new GradFn(name, [input], backward, viewOf));
        return output;
    }

    /// <summary>
    /// Gradients of <paramref name="output"/> with respect to <paramref name="inputs"/> (like <c>torch.autograd.grad</c>),
    /// without changing any <c>.Grad</c>. With <paramref name="createGraph"/> the results are themselves differentiable.
    /// An input the output does not depend on gets a zero gradient.
    /// </summary>
    public static Tensor[] Grad(Tensor output, Tensor[] inputs, Tensor? gradOutput = null, bool createGraph = false)
    {
        var wanted = new HashSet<Tensor>(inputs, ReferenceEqualityComparer.Instance);
        var found = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
        Run(output, gradOutput, createGraph, (t, g) =>
        {
            if (wanted.Contains(t)) found[t] = found.TryGetValue(t, out var old) ? old + g : g;
        });
        return inputs.Select(t => found.TryGetValue(t, out var g) ? g : Tensor.ZerosLike(t)).ToArray();
    }

    /// <summary>Accumulates d(root)/d(leaf) into the <c>.Grad</c> of every leaf that requires grad.</summary>
    internal static void Backward(Tensor root, Tensor? gradOutput, bool createGraph) =>
        Run(root, gradOutput, createGraph, (t, g) =>
        {
            if (!t.IsLeaf && !t.RetainsGrad) return;
            var stored = createGraph ? g : g.Detach();
            t.Grad = t.Grad is null ? stored : createGraph ? t.Grad + stored : AccumulateInPlace(t.Grad, stored);
        });

    private static Tensor AccumulateInPlace(Tensor grad, Tensor g)
    {
        using (NoGrad()) return grad.Add_(g);
    }

    /// <summary>Walks the graph in reverse topological order, calling <paramref name="sink"/> with each tensor's total gradient.</summary>
    private static void Run(Tensor root, Tensor? gradOutput, bool createGraph, Action<Tensor, Tensor> sink)
    {
        if (!root.RequiresGrad)
            throw new InvalidOperationException("Backward: the tensor does not require grad and has no recorded operation; set RequiresGrad on an input first.");
        if (gradOutput is null)
        {
            if (root.NumEl != 1)
                throw new InvalidOperationException($"Backward: an implicit gradient needs a scalar output, got shape {Shapes.Format(root.ShapeArray)}; pass a gradient or reduce first (e.g. .Sum()).");
            gradOutput = Tensor.OnesLike(root);
        }
        else if (!Shapes.Equal(gradOutput.ShapeArray, root.ShapeArray))
            throw new ArgumentException($"Backward: gradient shape {Shapes.Format(gradOutput.ShapeArray)} differs from output shape {Shapes.Format(root.ShapeArray)}.");

        var order = TopologicalOrder(root);
        var grads = new GradientSum(root, gradOutput);
        using var scope = createGraph ? EnableGrad() : NoGrad();
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var t = order[i];
            if (!grads.TryTake(t, out var g)) continue;
            sink(t, g);
            if (t.GradFn is not { } fn) continue;
            if (!createGraph && fn.ViewOf is { } viewOf)
            {
                if (fn.Inputs[0].RequiresGrad) grads.AddToView(fn.Inputs[0], viewOf, g);
                continue;
            }
            var inputGrads = fn.Backward(g);
            for (int k = 0; k < fn.Inputs.Length; k++)
            {
                var input = fn.Inputs[k];
                if (inputGrads[k] is not { } ig || !input.RequiresGrad) continue;
                if (ig.DType != input.DType) ig = ig.To(input.DType); // operands promoted in the forward pass

                if (!Shapes.Equal(ig.ShapeArray, input.ShapeArray))
                    throw new InvalidOperationException($"Backward of {fn.Name}: gradient shape {Shapes.Format(ig.ShapeArray)} differs from input shape {Shapes.Format(input.ShapeArray)} (a bug in the rule).");
                if (createGraph) grads.AddWithGraph(input, ig);
                else grads.Add(input, ig);
            }
        }
    }

    /// <summary>Tensors reachable from root, each after all tensors it depends on (iterative, so long chains do not overflow the stack).</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<(Tensor Node, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var inputs = node.GradFn?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((node, next + 1));
                var child = inputs[next];
                if (child.RequiresGrad && visited.Add(child)) stack.Push((child, 0));
            }
            else order.Add(node);
        }
        return order;
    }
}
