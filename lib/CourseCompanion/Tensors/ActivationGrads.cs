using System.Numerics;

namespace CourseCompanion.Tensors;

/// <summary>
/// Fused backward kernels of ReLU, sigmoid and tanh written in terms of the forward output y, one pass and one allocation
/// each instead of a chain of element-wise ops. Backward rules use them when no graph of the backward pass is recorded;
/// under create_graph they fall back to the differentiable composition.
/// </summary>
internal static class ActivationGrads
{
    /// <summary>g where y &gt; 0 (or NaN), 0 where y ≤ 0: ReLU's rule with PyTorch's 0 at the kink.</summary>
    public static Tensor Relu(Tensor g, Tensor y) => Apply(g, y, ReluKernel, ReluKernel);

    /// <summary>g·y·(1 − y), sigmoid's rule.</summary>
    public static Tensor Sigmoid(Tensor g, Tensor y) => Apply(g, y, SigmoidKernel, SigmoidKernel);

    /// <summary>g·(1 − y²), tanh's rule.</summary>
    public static Tensor Tanh(Tensor g, Tensor y) => Apply(g, y, TanhKernel, TanhKernel);

    private static Tensor Apply(Tensor g, Tensor y, SpanZip<float> f32, SpanZip<double> f64)
    {
        var gc = g.Contiguous();
        var yc = y.Contiguous();
        var result = Tensor.Uninitialized(y.ShapeArray, y.DType);
        if (y.DType == DType.Float32) f32(gc.ReadOnlySpan<float>(), yc.ReadOnlySpan<float>(), result.Span<float>());
        else f64(gc.ReadOnlySpan<double>(), yc.ReadOnlySpan<double>(), result.Span<double>());
        return result;
    }

    private static void ReluKernel<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> y, Span<T> r) where T : unmanaged, INumber<T>
    {
        int i = 0;
        for (; i <= r.Length - Vector<T>.Count; i += Vector<T>.Count)
            Vector.AndNot(new Vector<T>(g[i..]), Vector.LessThanOrEqual(new Vector<T>(y[i..]), Vector<T>.Zero)).CopyTo(r[i..]);
        for (; i < r.Length; i++) r[i] = y[i] <= T.Zero ? T.Zero : g[i];
    }

    private static void SigmoidKernel<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> y, Span<T> r) where T : unmanaged, INumber<T>
    {
        int i = 0;
        for (; i <= r.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var v = new Vector<T>(y[i..]);
            (new Vector<T>(g[i..]) * v * (Vector<T>.One - v)).CopyTo(r[i..]);
        }
        for (; i < r.Length; i++) r[i] = g[i] * y[i] * (T.One - y[i]);
    }

    private static void TanhKernel<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> y, Span<T> r) where T : unmanaged, INumber<T>
    {
        int i = 0;
        for (; i <= r.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var v = new Vector<T>(y[i..]);
            (new Vector<T>(g[i..]) * (Vector<T>.One - v * v)).CopyTo(r[i..]);
        }
        for (; i < r.Length; i++) r[i] = g[i] * (T.One - y[i] * y[i]);
    }
}
