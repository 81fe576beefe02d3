using System.Globalization;
using System.Text;

namespace CourseCompanion.Backprop;

/// <summary>
/// One node of a scalar computational graph, for working backpropagation through by hand (micrograd-sized).
/// Each operation creates a node that remembers its inputs and how to pass a gradient back to them;
/// <see cref="Backward"/> sorts the graph topologically and applies the chain rule once per node, in reverse.
/// Gradients ACCUMULATE (+=), so a node used twice receives the sum of both paths' contributions.
/// </summary>
public sealed class Value
{
    private readonly Value[] _inputs;
    private Action _backward = () => { };

    /// <summary>A leaf (an input or a weight) with an optional name shown by <see cref="ToTree"/>.</summary>
    public Value(double data, string? label = null) : this(data, label, "", [], isConstant: false) { }

    private Value(double data, string? label, string op, Value[] inputs, bool isConstant)
    {
        Data = data;
        Label = label ?? Format(data);
        Op = op;
        _inputs = inputs;
        IsConstant = isConstant;
    }

    /// <summary>The value computed in the forward pass.</summary>
    public double Data { get; }

    /// <summary>∂(output)/∂(this node) after <see cref="Backward"/> was called on the output; 0 before.</summary>
    public double Grad { get; private set; }

    /// <summary>The node's name: given with <see cref="Named"/>, else built from the operation (e.g. <c>2·x1</c>).</summary>
    public string Label { get; private set; }

    /// <summary>The operation that produced the node (<c>+</c>, <c>·</c>, <c>^2</c>, …), empty for a leaf.</summary>
    public string Op { get; }

    /// <summary>True for a number that entered through an operator (like the 2 in 2·x1); it has no gradient to show.</summary>
    public bool IsConstant { get; }

    /// <summary>The nodes this one was computed from.</summary>
    public IReadOnlyList<Value> Inputs => _inputs;

    /// <summary>Gives the node a name (for the printed graph) and returns it.</summary>
    public Value Named(string label)
    {
        Label = label;
        return this;
    }

    /// <summary>Sum: both inputs receive the output's gradient unchanged (∂(a + b)/∂a = 1).</summary>
    public static Value operator +(Value a, Value b)
    {
        var result = new Value(a.Data + b.Data, $"{a.Label} + {b.Label}", "+", [a, b], false);
        result._backward = () =>
        {
            a.Grad += result.Grad;
            b.Grad += result.Grad;
        };
        return result;
    }

    /// <summary>Product: each input receives the output's gradient times the other input (∂(ab)/∂a = b).</summary>
    public static Value operator *(Value a, Value b)
    {
        var result = new Value(a.Data * b.Data, $"{Wrap(a)}·{Wrap(b)}", "·", [a, b], false);
        result._backward = () =>
        {
            a.Grad += b.Data * result.Grad;
            b.Grad += a.Data * result.Grad;
        };
        return result;
    }

    /// <summary>Power with a constant exponent: ∂(aⁿ)/∂a = n·aⁿ⁻¹ (the monomial rule).</summary>
    public Value Pow(double n)
    {
        var result = new Value(Math.Pow(Data, n), $"({Label})^{Format(n)}", $"^{Format(n)}", [this], false);
        result._backward = () => Grad += n * Math.Pow(Data, n - 1) * result.Grad;
        return result;
    }

    /// <summary>Difference a − b, built from sum and product so it needs no backward rule of its own.</summary>
    public static Value operator -(Value a, Value b) => a + b * -1;

    /// <inheritdoc cref="op_Addition(Value, Value)"/>
    public static Value operator +(Value a, double b) => a + Constant(b);

    /// <inheritdoc cref="op_Addition(Value, Value)"/>
    public static Value operator +(double a, Value b) => Constant(a) + b;

    /// <inheritdoc cref="op_Multiply(Value, Value)"/>
    public static Value operator *(Value a, double b) => a * Constant(b);

    /// <inheritdoc cref="op_Multiply(Value, Value)"/>
    public static Value operator *(double a, Value b) => Constant(a) * b;

    /// <summary>
    /// Backpropagation: sets this node's gradient to 1, then visits the nodes in reverse topological order
    /// (every node after all nodes that use it) and lets each pass its gradient to its inputs.
    /// Gradients from an earlier call are cleared first.
    /// </summary>
    public void Backward()
    {
        var order = TopologicalOrder();
        foreach (var node in order) node.Grad = 0;
        Grad = 1;
        for (int i = order.Count - 1; i >= 0; i--) order[i]._backward();
    }

    /// <summary>
    /// The graph as an indented tree, output at the top: each line shows a node's name, its forward value,
    /// its gradient and the operation that made it. A node reached a second time is marked instead of repeated.
    /// </summary>
    public string ToTree()
    {
        var lines = new List<(string Left, string Right)>();
        var seen = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        void Visit(Value node, string indent, string branch, string childIndent)
        {
            string left = $"{indent}{branch}{node.Label} = {Format(node.Data)}";
            bool repeated = !seen.Add(node);
            string right = node.IsConstant ? "constant"
                : $"grad {Format(node.Grad)}" + (node.Op.Length > 0 ? $"   ({node.Op})" : "   (leaf)") + (repeated ? "   (shown above)" : "");
            lines.Add((left, right));
            if (repeated) return;
            for (int i = 0; i < node._inputs.Length; i++)
            {
                bool last = i == node._inputs.Length - 1;
                Visit(node._inputs[i], indent + childIndent, last ? "└─ " : "├─ ", last ? "   " : "│  ");
            }
        }
        Visit(this, "", "", "");
        int width = lines.Max(l => l.Left.Length) + 3;
        var text = new StringBuilder();
        foreach (var (left, right) in lines) text.Append(left.PadRight(width)).Append(right).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Like micrograd: <c>Value(data=124, grad=1)</c>.</summary>
    public override string ToString() => $"Value(data={Format(Data)}, grad={Format(Grad)})";

    private List<Value> TopologicalOrder()
    {
        var order = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance);
        // iterative depth-first search, so deep chains do not overflow the stack
        var stack = new Stack<(Value Node, bool Expanded)>();
        stack.Push((this, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded) { order.Add(node); continue; }
            if (!visited.Add(node)) continue;
            stack.Push((node, true));
            for (int i = node._inputs.Length - 1; i >= 0; i--)
                if (!visited.Contains(node._inputs[i])) stack.Push((node._inputs[i], false));
        }
        return order;
    }

    private static Value Constant(double c) => new(c, Format(c), "", [], isConstant: true);

    private static string Wrap(Value v) => v.Op == "+" ? $"({v.Label})" : v.Label;

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
