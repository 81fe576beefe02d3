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
        var result = k > 0 ? Uninitialized([.. batch, m, n], dtype) : Empty([.. batch, m, n], dtype);
        int count = Shapes.Product(batch);
        if (result.NumEl > 0 && k > 0)
        {
            var x = GemmOperand.Of(a, batch, m, k, dtype);
            var y = GemmOperand.Of(b, batch, k, n, dtype);
            if (dtype == DType.Float32) Multiply<float>(x, y, result, m, n, k, count);
            else Multiply<double>(x, y, result, m, n, k, count);
        }
        return Autograd.Record(result, "MatMul", [a, b], g => [a.RequiresGrad ? g.MatMul(b.MT).SumTo(a.ShapeArray) : null, b.RequiresGrad ? RightGradient(a, b, g) : null]);
    }

    /// <summary>
    /// ∂L/∂B = Aᵀ·G. A matrix B shared by a batch of A takes one product over the folded batch instead of a batched product
    /// and a sum; a B stored transposed (a linear layer's Wᵀ) gets its gradient as the transpose of (Gᵀ·A), so the weight's
    /// own gradient comes out contiguous.
    /// </summary>
    private static Tensor RightGradient(Tensor a, Tensor b, Tensor g)
    {
        if (b.Dim != 2) return a.MT.MatMul(g).SumTo(b.ShapeArray);
        var rowsA = a.Dim == 2 ? a : a.Reshape(-1, a.ShapeArray[^1]);
        var rowsG = g.Dim == 2 ? g : g.Reshape(-1, g.ShapeArray[^1]);
        bool storedTransposed = b.StridesArray[0] == 1 && b.StridesArray[1] == b.ShapeArray[0];
        return storedTransposed ? rowsG.MT.MatMul(rowsA).MT : rowsA.MT.MatMul(rowsG);
    }

    /// <summary>
    /// One GEMM call for the whole batch. When B is shared by every item and the rows of all A items are evenly spaced
    /// (a stack of matrices times one weight, as in a linear layer on [batch, time, features]) the batch folds into the rows: one big product.
    /// </summary>
    private static void Multiply<T>(GemmOperand x, GemmOperand y, Tensor result, int m, int n, int k, int count) where T : unmanaged
    {
        var a = BatchedGemm.From<T>(x.Tensor);
        var b = BatchedGemm.From<T>(y.Tensor);
        var c = result.Storage<T>().AsSpan();
        if (count > 1 && y.BatchStride == 0 && !x.Transposed && x.BatchStride == (long)m * x.Ld)
            BatchedGemm.Run<T>(false, y.Transposed, m * count, n, k, a, x.Ld, 0, b, y.Ld, 0, false, c, n, 0);
        else
            BatchedGemm.Run<T>(x.Transposed, y.Transposed, m, n, k, a, x.Ld, x.BatchStride, b, y.Ld, y.BatchStride, false, c, n, (long)m * n, count);
    }

    /// <summary>
    /// An operand as GEMM sees it: storage, whether its last two dimensions are stored transposed, the leading dimension,
    /// and one stride between batch items. A view that fits (a transpose, a slice, a broadcast over the batch) is used
    /// in place; anything else is copied to a contiguous layout first.
    /// </summary>
    private readonly record struct GemmOperand(Tensor Tensor, bool Transposed, int Ld, long BatchStride)
    {
        public static GemmOperand Of(Tensor t, int[] batch, int rows, int cols, DType dtype)
        {
            var v = t.Detach();
            if (v.DType != dtype) v = v.To(dtype);
            if (!Shapes.Equal(v.ShapeArray[..^2], batch)) v = v.Expand([.. batch, rows, cols]);
            if (TryLayout(v, rows, cols, out var op)) return op;
            v = v.Contiguous();
            TryLayout(v, rows, cols, out op);
            return op;
        }

        private static bool TryLayout(Tensor v, int rows, int cols, out GemmOperand op)
        {
            op = default;
            int sr = v.StridesArray[^2], sc = v.StridesArray[^1];
            bool transposed;
            int ld;
            if ((cols == 1 || sc == 1) && (rows == 1 || sr >= Math.Max(cols, 1))) (transposed, ld) = (false, rows == 1 ? Math.Max(cols, 1) : sr);
            else if ((rows == 1 || sr == 1) && (cols == 1 || sc >= Math.Max(rows, 1))) (transposed, ld) = (true, cols == 1 ? Math.Max(rows, 1) : sc);
            else return false;
            if (!TryBatchStride(v, out long stride)) return false;
            op = new GemmOperand(v, transposed, ld, stride);
            return true;
        }

        /// <summary>The batch dimensions as one stride: all broadcast (0) or evenly nested (row-major over the batch).</summary>
        private static bool TryBatchStride(Tensor v, out long stride)
        {
            stride = 0;
            long expected = -1;
            for (int d = v.Dim - 3; d >= 0; d--)
            {
                if (v.ShapeArray[d] == 1) continue;
                if (expected < 0) stride = v.StridesArray[d];
                else if (v.StridesArray[d] != expected) return false;
                expected = (long)v.StridesArray[d] * v.ShapeArray[d];
            }
            return true;
        }
    }
}
