using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>
/// The element-wise half of an LSTM step, from the summed gate pre-activations [N, 4H] (order i, f, g, o) and C to (h', C'),
/// as one recorded operation with a hand-written backward: one pass forward and one back instead of a dozen small ops and
/// their graph nodes. <see cref="Equations"/> is the same step written as the lecture's equations; a backward pass that
/// records a graph (create_graph) differentiates those.
/// </summary>
internal static class LSTMGates
{
    /// <summary>(h', C') for gate pre-activations [N, 4H] (or [4H]) and the cell state [N, H] (or [H]).</summary>
    public static LSTMState Step(Tensor gates, Tensor c)
    {
        int hidden = c.ShapeArray[^1], rows = c.NumEl / Math.Max(hidden, 1);
        if (gates.DType != c.DType || gates.ShapeArray[^1] != 4 * hidden || gates.NumEl != 4 * c.NumEl || !gates.DType.IsFloatingPoint())
            return Equations(gates, c);
        var g = gates.Contiguous();
        var cc = c.Contiguous();
        var activations = Tensor.Uninitialized([rows, 4 * hidden], c.DType);   // σ(i), σ(f), tanh(g), σ(o)
        var tanhC = Tensor.Uninitialized([rows, hidden], c.DType);
        var hc = Tensor.Uninitialized([2, .. c.ShapeArray], c.DType);           // h' then C'
        if (c.DType == DType.Float32) Forward<float>(g, cc, activations, tanhC, hc, rows, hidden);
        else Forward<double>(g, cc, activations, tanhC, hc, rows, hidden);
        Autograd.Record(hc, "LSTMGates", [gates, c], grad =>
        {
            if (Autograd.IsEnabled) return DifferentiableBackward(gates, c, grad);
            var dGates = Tensor.Uninitialized(gates.ShapeArray, c.DType);
            var dC = Tensor.Uninitialized(c.ShapeArray, c.DType);
            var gc = grad.Contiguous();
            if (c.DType == DType.Float32) Backward<float>(gc, cc, activations, tanhC, dGates, dC, rows, hidden);
            else Backward<double>(gc, cc, activations, tanhC, dGates, dC, rows, hidden);
            return [dGates, dC];
        });
        return new LSTMState(hc[0], hc[1]);
    }

    /// <summary>The step as the lecture writes it: i, f, o = σ(·), C̃ = tanh(·), C' = f⊙C + i⊙C̃, h' = o⊙tanh(C').</summary>
    public static LSTMState Equations(Tensor gates, Tensor c)
    {
        var chunks = gates.Chunk(4, dim: -1);
        var i = chunks[0].Sigmoid();          // input gate
        var f = chunks[1].Sigmoid();          // forget gate
        var candidate = chunks[2].Tanh();     // C̃
        var o = chunks[3].Sigmoid();          // output gate
        var next = f * c + i * candidate;
        return new LSTMState(o * next.Tanh(), next);
    }

    private static Tensor?[] DifferentiableBackward(Tensor gates, Tensor c, Tensor grad)
    {
        var step = Equations(gates, c);
        var both = Tensor.Stack([step.H, step.C]);
        Tensor[] inputs = [gates, c];
        var wanted = inputs.Where(t => t.RequiresGrad).ToArray();
        var grads = Autograd.Grad(both, wanted, grad, createGraph: true);
        return inputs.Select(t => Array.IndexOf(wanted, t) is int k and >= 0 ? grads[k] : null).ToArray();
    }

    private static void Forward<T>(Tensor gates, Tensor c, Tensor activations, Tensor tanhC, Tensor hc, int rows, int hidden)
        where T : unmanaged, IFloatingPointIeee754<T>, IExponentialFunctions<T>, IHyperbolicFunctions<T>
    {
        ReadOnlySpan<T> z = gates.ReadOnlySpan<T>(), cPrev = c.ReadOnlySpan<T>();
        Span<T> act = activations.Span<T>(), tc = tanhC.Span<T>(), outputs = hc.Span<T>();
        Span<T> h = outputs[..(rows * hidden)], cNext = outputs[(rows * hidden)..];
        int gh = 4 * hidden;
        for (int n = 0; n < rows; n++)
        {
            var a = act.Slice(n * gh, gh);
            var zr = z.Slice(n * gh, gh);
            TensorPrimitives.Sigmoid(zr[..(2 * hidden)], a[..(2 * hidden)]);
            TensorPrimitives.Tanh(zr.Slice(2 * hidden, hidden), a.Slice(2 * hidden, hidden));
            TensorPrimitives.Sigmoid(zr[(3 * hidden)..], a[(3 * hidden)..]);
            var next = cNext.Slice(n * hidden, hidden);
            TensorPrimitives.Multiply<T>(a.Slice(hidden, hidden), cPrev.Slice(n * hidden, hidden), next);          // f⊙C
            TensorPrimitives.MultiplyAdd<T>(a[..hidden], a.Slice(2 * hidden, hidden), next, next);                 // + i⊙C̃
            TensorPrimitives.Tanh<T>(next, tc.Slice(n * hidden, hidden));
            TensorPrimitives.Multiply<T>(a[(3 * hidden)..], tc.Slice(n * hidden, hidden), h.Slice(n * hidden, hidden)); // o⊙tanh C'
        }
    }

    private static void Backward<T>(Tensor grad, Tensor c, Tensor activations, Tensor tanhC, Tensor dGates, Tensor dC, int rows, int hidden)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> g = grad.ReadOnlySpan<T>(), cPrev = c.ReadOnlySpan<T>(), act = activations.ReadOnlySpan<T>(), tc = tanhC.ReadOnlySpan<T>();
        ReadOnlySpan<T> dh = g[..(rows * hidden)], dcNext = g[(rows * hidden)..];
        Span<T> dz = dGates.Span<T>(), dcPrev = dC.Span<T>();
        int gh = 4 * hidden;
        for (int n = 0; n < rows; n++)
            for (int j = 0; j < hidden; j++)
            {
                int e = n * hidden + j, at = n * gh + j;
                T i = act[at], f = act[at + hidden], cand = act[at + 2 * hidden], o = act[at + 3 * hidden], t = tc[e];
                T dcTotal = dcNext[e] + dh[e] * o * (T.One - t * t);
                dz[at] = dcTotal * cand * i * (T.One - i);
                dz[at + hidden] = dcTotal * cPrev[e] * f * (T.One - f);
                dz[at + 2 * hidden] = dcTotal * i * (T.One - cand * cand);
                dz[at + 3 * hidden] = dh[e] * t * o * (T.One - o);
                dcPrev[e] = dcTotal * f;
            }
    }
}
