using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Tensors;

/// <summary>
/// The engine's fast paths against plain references: broadcasting without copies, sums that keep a middle block, and
/// backward passes without a graph (in-place gradient sums, slice gradients added into place, fused activation rules,
/// folded weight gradients), which must equal the create_graph pass that runs the composed rules.
/// </summary>
public class FastPathTests
{
    private static readonly Generator Seeded = new(7);

    public static TheoryData<int[], int[]> BroadcastPairs => new()
    {
        { [4, 3, 5, 6], [1, 3, 1, 1] },
        { [4, 3, 5, 6], [3, 1, 1] },
        { [7, 9], [9] },
        { [7, 9], [7, 1] },
        { [1, 9], [7, 1] },
        { [2, 1, 5], [1, 4, 1] },
        { [6], [1] },
    };

    [Theory]
    [MemberData(nameof(BroadcastPairs))]
    public void Broadcasting_without_copies_matches_the_element_formula(int[] shapeA, int[] shapeB)
    {
        var a = Tensor.Randn(shapeA, Seeded, DType.Float64);
        var b = Tensor.Randn(shapeB, Seeded, DType.Float64);
        foreach (var (x, y) in new[] { (a, b), (b, a) })
        {
            var shape = Shapes.Broadcast(x.ShapeArray, y.ShapeArray, "test");
            var expected = Naive(x.Expand(shape), y.Expand(shape), (p, q) => p * q - q);
            Assert.Equal(expected, (x * y - y).ToArray<double>());
        }
    }

    [Fact]
    public void Broadcasting_a_transposed_operand_matches_the_element_formula()
    {
        var a = Tensor.Randn([5, 8], Seeded, DType.Float64).T;   // [8, 5], column-major
        var b = Tensor.Randn([8, 1], Seeded, DType.Float64);
        Assert.Equal(Naive(a, b.Expand(8, 5), (p, q) => p + q), (a + b).ToArray<double>());
        var c = Tensor.Randn([8, 5], Seeded, DType.Float64);
        Assert.Equal(Naive(a, c, (p, q) => p / q), (a / c).ToArray<double>());
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 0, 2, 3 })]
    [InlineData(new[] { 0, 1, 3 })]
    [InlineData(new[] { 1, 3 })]
    [InlineData(new[] { 0, 2 })]
    public void A_sum_over_leading_and_trailing_dims_matches_a_loop(int[] dims)
    {
        var x = Tensor.Randn([3, 4, 5, 6], Seeded, DType.Float64);
        var expected = new double[x.NumEl / dims.Aggregate(1, (p, d) => p * x.Size(d))];
        var values = x.ToArray<double>();
        for (int i = 0; i < values.Length; i++)
        {
            var index = Shapes.Unravel(i, x.ShapeArray);
            int flat = 0;
            for (int d = 0; d < 4; d++) if (!dims.Contains(d)) flat = flat * x.Size(d) + index[d];
            expected[flat] += values[i];
        }
        var actual = x.Sum(dims).ToArray<double>();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Fact]
    public void Slices_used_many_times_get_the_same_gradient_as_the_composed_rules()
    {
        AssertSameGradients(x =>
        {
            var steps = Enumerable.Range(0, x.Size(0)).Select(t => x.Select(0, t)).ToList();
            var gates = x.Narrow(2, 2, 4).Chunk(2, 2);
            var overlap = x.Narrow(1, 0, 3) * x.Narrow(1, 1, 3);
            return steps.Aggregate((p, q) => p * 0.5 + q.Tanh()).Sum() + gates[0].Sigmoid().Sum() * gates[1].Relu().Sum()
                + overlap.Sum() + x.Slice(2, 1, 6, 2).Square().Sum() + (x * x).Sum();
        }, [5, 4, 6]);
    }

    [Fact]
    public void A_linear_layer_on_a_batch_of_sequences_gets_the_same_weight_gradient_as_the_composed_rules()
    {
        var w = Tensor.Randn([3, 6], Seeded, DType.Float64);
        AssertSameGradients(x => x.MatMul(w.T).Relu().Sum(), [2, 4, 6], w);
        AssertSameGradients(x => x.MatMul(w.T.Contiguous()).Sigmoid().Sum(), [2, 4, 6], w);
    }

    /// <summary>Gradients of f's inputs from a plain backward equal those of a create_graph pass, which runs no fast path.</summary>
    private static void AssertSameGradients(Func<Tensor, Tensor> f, int[] shape, params Tensor[] others)
    {
        var x = Tensor.Randn(shape, Seeded, DType.Float64).RequiresGrad_();
        foreach (var o in others) o.RequiresGrad_();
        Tensor[] inputs = [x, .. others];
        var composed = Autograd.Grad(f(x), inputs, createGraph: true);
        foreach (var t in inputs) t.Grad = null;
        f(x).Backward();
        for (int i = 0; i < inputs.Length; i++)
        {
            var expected = composed[i].ToArray<double>();
            var actual = inputs[i].Grad!.ToArray<double>();
            for (int k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 1e-12);
        }
    }

    private static double[] Naive(Tensor a, Tensor b, Func<double, double, double> f)
    {
        var x = a.Contiguous().ToArray<double>();
        var y = b.Contiguous().ToArray<double>();
        return x.Select((v, i) => f(v, y[i])).ToArray();
    }
}
