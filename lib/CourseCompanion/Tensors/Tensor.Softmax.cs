using System.Numerics;
using System.Numerics.Tensors;

namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// softmax(x)ᵢ = exp(xᵢ − m) / Σⱼ exp(xⱼ − m) along <paramref name="dim"/>, with m the row maximum so no exp overflows.
    /// Backward in closed form: ∂L/∂x = y ⊙ (g − Σⱼ gⱼyⱼ), the Jacobian diag(y) − yyᵀ applied without forming it.
    /// </summary>
    public Tensor Softmax(int dim)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "Softmax");
        var result = AlongDim(d, "Softmax", SoftmaxRow, SoftmaxRow);
        return Autograd.Record(result, "Softmax", [this], g => [result * (g - (g * result).Sum(d, keepDim: true))]);
    }

    /// <summary>
    /// log softmax(x)ᵢ = xᵢ − m − log Σⱼ exp(xⱼ − m) along <paramref name="dim"/>, stable for any input.
    /// Backward: ∂L/∂x = g − softmax(x) ⊙ Σⱼ gⱼ, with softmax(x) = exp(y).
    /// </summary>
    public Tensor LogSoftmax(int dim)
    {
        int d = Shapes.NormalizeDim(dim, Dim, "LogSoftmax");
        var result = AlongDim(d, "LogSoftmax", LogSoftmaxRow, LogSoftmaxRow);
        return Autograd.Record(result, "LogSoftmax", [this], g => [g - result.Exp() * g.Sum(d, keepDim: true)]);
    }

    /// <summary>Runs a row kernel over every line along dim d (moved last and made contiguous), and moves d back.</summary>
    private Tensor AlongDim(int d, string op, SpanMap<float> f32, SpanMap<double> f64)
    {
        RequireFloatingPoint(op);
        if (Dim == 0) return Elementwise.Map(Reshape(1), f32, f64).Reshape();
        var rows = DimReduction.Rows(this, [d], out int n);
        var result = Empty(rows.ShapeArray, DType);
        for (int start = 0; start < NumEl; start += n)
        {
            if (DType == DType.Float32) f32(rows.ReadOnlySpan<float>().Slice(start, n), result.Span<float>().Slice(start, n));
            else f64(rows.ReadOnlySpan<double>().Slice(start, n), result.Span<double>().Slice(start, n));
        }
        if (d == Dim - 1) return result;
        var order = Enumerable.Range(0, Dim).Where(i => i != d).Append(d).ToArray();
        var inverse = new int[Dim];
        for (int i = 0; i < Dim; i++) inverse[order[i]] = i;
        return result.Permute(inverse).Contiguous();
    }

    private static void SoftmaxRow<T>(ReadOnlySpan<T> x, Span<T> r) where T : IExponentialFunctions<T>, IFloatingPointIeee754<T>
    {
        T m = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, m, r);
        TensorPrimitives.Exp(r, r);
        TensorPrimitives.Divide(r, TensorPrimitives.Sum<T>(r), r);
    }

    private static void LogSoftmaxRow<T>(ReadOnlySpan<T> x, Span<T> r) where T : IExponentialFunctions<T>, ILogarithmicFunctions<T>, IFloatingPointIeee754<T>
    {
        T m = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, m, r);
        TensorPrimitives.Exp(r, r);
        T logSum = T.Log(TensorPrimitives.Sum<T>(r));
        TensorPrimitives.Subtract(x, m, r);
        TensorPrimitives.Subtract(r, logSum, r);
    }
}
