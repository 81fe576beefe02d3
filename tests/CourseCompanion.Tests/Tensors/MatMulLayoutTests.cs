using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>
/// MatMul hands views to the GEMM kernel without copying when it can (transpose flags, leading dimensions, one batch stride,
/// a batch folded into the rows); every such layout must give the same values as a plain triple loop.
/// </summary>
public class MatMulLayoutTests
{
    private static Tensor R(params int[] shape) => Tensor.Randn(shape, new Generator((ulong)(shape.Sum() * 31 + shape.Length)), DType.Float64);

    public static TheoryData<string> Layouts => new() { "plain", "a_transposed", "b_transposed", "both_transposed", "sliced_rows", "sliced_columns",
        "batch_times_matrix", "matrix_times_batch", "batch_broadcast_mixed", "permuted_batch", "transposed_batch", "float32_linear", "empty_inner" };

    private static (Tensor A, Tensor B) Operands(string layout) => layout switch
    {
        "plain" => (R(5, 7), R(7, 3)),
        "a_transposed" => (R(7, 5).T, R(7, 3)),
        "b_transposed" => (R(5, 7), R(3, 7).T),
        "both_transposed" => (R(7, 5).T, R(3, 7).T),
        "sliced_rows" => (R(5, 9).Narrow(1, 1, 7), R(7, 6).Narrow(1, 2, 3)),
        "sliced_columns" => (R(9, 5).Narrow(0, 2, 7).T, R(3, 8).Narrow(1, 1, 7).T),
        "batch_times_matrix" => (R(4, 5, 7), R(3, 7).T),
        "matrix_times_batch" => (R(5, 7), R(4, 7, 3)),
        "batch_broadcast_mixed" => (R(2, 1, 5, 7), R(3, 7, 4)),
        "permuted_batch" => (R(5, 2, 3, 7).Permute(1, 2, 0, 3), R(3, 7, 4)),
        "transposed_batch" => (R(3, 7, 5).MT, R(3, 4, 7).MT),
        "float32_linear" => (R(6, 8).Float(), R(5, 8).Float().T),
        _ => (R(3, 0), R(0, 4)),
    };

    [Theory, MemberData(nameof(Layouts))]
    public void ViewsGiveTheValuesOfATripleLoop(string layout)
    {
        var (a, b) = Operands(layout);
        var c = a.MatMul(b);
        var expected = Naive(a, b);
        Assert.Equal(expected.Shape, c.Shape);
        var e = expected.ToArray<double>();
        var got = c.ToArray<double>();
        double tol = c.DType == DType.Float32 ? 1e-5 : 1e-12;
        for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - got[i]) <= tol * (1 + Math.Abs(e[i])), $"{layout}: element {i} is {got[i]}, expected {e[i]}");
    }

    [Fact]
    public void TransposedWeightGetsGradientsLikeLinear()
    {
        var x = R(4, 3, 5).RequiresGrad_();
        var w = R(2, 5).RequiresGrad_();
        x.MatMul(w.T).Sum().Backward();
        Assert.Equal(Naive(Tensor.Ones(2, 12).Double(), x.Detach().Reshape(12, 5)).ToArray<double>(), w.Grad!.ToArray<double>(), new ToleranceComparer(1e-12));
    }

    private sealed class ToleranceComparer(double tol) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tol * (1 + Math.Abs(y));
        public int GetHashCode(double obj) => 0;
    }

    /// <summary>torch.matmul semantics for rank ≥ 2 by explicit loops over broadcast batch indices, in float64.</summary>
    private static Tensor Naive(Tensor a, Tensor b)
    {
        int m = a.Size(-2), k = a.Size(-1), n = b.Size(-1);
        int rank = Math.Max(a.Dim, b.Dim);
        var batch = new int[rank - 2];
        for (int d = 0; d < rank - 2; d++)
        {
            int da = d - (rank - a.Dim), db = d - (rank - b.Dim);
            batch[d] = Math.Max(da >= 0 ? a.Size(da) : 1, db >= 0 ? b.Size(db) : 1);
        }
        var ae = a.Double().Expand([.. batch, m, k]).Contiguous().ToArray<double>();
        var be = b.Double().Expand([.. batch, k, n]).Contiguous().ToArray<double>();
        int count = batch.Aggregate(1, (x, y) => x * y);
        var c = new double[count * m * n];
        for (int t = 0; t < count; t++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += ae[(t * m + i) * k + p] * be[(t * k + p) * n + j];
                    c[(t * m + i) * n + j] = s;
                }
        return Tensor.FromArray(c, [.. batch, m, n]);
    }
}
