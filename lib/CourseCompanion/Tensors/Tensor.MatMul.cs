namespace CourseCompanion.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Matrix product with <c>torch.matmul</c> semantics: vector·vector is a dot product, a 1-D operand is
    /// treated as a row (left) or column (right) vector, and leading batch dimensions broadcast.
    /// Gradients: ∂L/∂A = G·Bᵀ, ∂L/∂B = Aᵀ·G.
    /// </summary>
    public Tensor MatMul(Tensor other)
    {
        if (Dim == 0 || other.Dim == 0)
            throw new ArgumentException($"MatMul: {Shapes.Format(ShapeArray)} x {Shapes.Format(other.ShapeArray)}: both operands need at least one dimension.");
        if (Dim == 1 && other.Dim == 1) return Unsqueeze(0).MatMul(other.Unsqueeze(1)).Reshape();
        if (Dim == 1) return Unsqueeze(0).MatMul(other).Squeeze(-2);
        if (other.Dim == 1) return MatMul(other.Unsqueeze(1)).Squeeze(-1);
        return BatchedMatMul(this, other);
    }

    private static Tensor BatchedMatMul(Tensor a, Tensor b)
    {
        int m = a.ShapeArray[^2], k = a.ShapeArray[^1], k2 = b.ShapeArray[^2], n = b.ShapeArray[^1];
        if (k != k2)
            throw new ArgumentException($"MatMul: {Shapes.Format(a.ShapeArray)} x {Shapes.Format(b.ShapeArray)}: inner dimensions {k} and {k2} differ.");
        var batch = Shapes.Broadcast(a.ShapeArray[..^2], b.ShapeArray[..^2], "MatMul (batch dimensions)");
        var dtype = DTypeInfo.Promote(a.DType, b.DType);
        if (!dtype.IsFloatingPoint()) throw new ArgumentException($"MatMul: expected floating-point operands, got {a.DType.TorchName()} and {b.DType.TorchName()}.");
        var x = Elementwise.Operand(a, [.. batch, m, k], dtype);
        var y = Elementwise.Operand(b, [.. batch, k, n], dtype);
        var result = Empty([.. batch, m, n], dtype);
        int count = Shapes.Product(batch);
        for (int i = 0; i < count; i++)
        {
            if (dtype == DType.Float32) MatMulKernel.Multiply(x.ReadOnlySpan<float>().Slice(i * m * k, m * k), y.ReadOnlySpan<float>().Slice(i * k * n, k * n), result.Span<float>().Slice(i * m * n, m * n), m, k, n);
            else MatMulKernel.Multiply(x.ReadOnlySpan<double>().Slice(i * m * k, m * k), y.ReadOnlySpan<double>().Slice(i * k * n, k * n), result.Span<double>().Slice(i * m * n, m * n), m, k, n);
        }
        return Autograd.Record(result, "MatMul", [a, b], g => [g.MatMul(b.MT).SumTo(a.ShapeArray), a.MT.MatMul(g).SumTo(b.ShapeArray)]);
    }
}
