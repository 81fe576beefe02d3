using CourseCompanion.Backprop;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Backprop;

public class ValueTests
{
    [Fact]
    public void LectureExampleHasForwardAndBackwardValuesOfTheSlides()
    {
        // f(x) = (2x₁ + 3x₂)² + 3 at (1, 3): z = 11, f = 124, ∂f/∂z = 22, ∂f/∂x₁ = 44, ∂f/∂x₂ = 66
        var x1 = new Value(1, "x1");
        var x2 = new Value(3, "x2");
        var z = (2 * x1 + 3 * x2).Named("z");
        var f = z.Pow(2) + 3;
        f.Backward();
        Assert.Equal(11, z.Data);
        Assert.Equal(124, f.Data);
        Assert.Equal(22, z.Grad);
        Assert.Equal(44, x1.Grad);
        Assert.Equal(66, x2.Grad);
    }

    [Fact]
    public void GradientsAccumulateOverEveryPathToANode()
    {
        // x·x + x: d/dx = 2x + 1 = 7 at x = 3; a node used three times must add all three contributions
        var x = new Value(3);
        var y = x * x + x;
        y.Backward();
        Assert.Equal(7, x.Grad);
    }

    [Fact]
    public void BackwardTwiceGivesTheSameGradientsNotTheirSum()
    {
        var x = new Value(2);
        var y = x.Pow(3) - x;
        y.Backward();
        y.Backward();
        Assert.Equal(11, x.Grad); // 3x² − 1
    }

    [Fact]
    public void AgreesWithTensorAutogradOnARandomExpression()
    {
        var gen = new Generator(5);
        var values = Tensor.Randn([3], gen, DType.Float64).ToArray<double>();
        var (a, b, c) = (new Value(values[0]), new Value(values[1]), new Value(values[2]));
        var out1 = (a * b + c).Pow(3) * a - b * c;
        out1.Backward();

        var t = Tensor.FromArray(values).RequiresGrad_();
        var (ta, tb, tc) = (t[0], t[1], t[2]);
        var out2 = (ta * tb + tc).Pow(3) * ta - tb * tc;
        out2.Backward();
        var grad = t.Grad!.ToArray<double>();

        Assert.Equal(out2.Item(), out1.Data, 12);
        Assert.Equal(grad[0], a.Grad, 10);
        Assert.Equal(grad[1], b.Grad, 10);
        Assert.Equal(grad[2], c.Grad, 10);
    }

    [Fact]
    public void DeepChainDoesNotOverflowTheStack()
    {
        var x = new Value(1);
        var y = x;
        for (int i = 0; i < 100_000; i++) y = y * 1.0;
        y.Backward();
        Assert.Equal(1, x.Grad);
    }

    [Fact]
    public void TreeShowsValuesGradientsAndOperationsOutputFirst()
    {
        var x1 = new Value(1, "x1");
        var x2 = new Value(3, "x2");
        var z = (2 * x1 + 3 * x2).Named("z");
        var f = (z.Pow(2) + 3).Named("f");
        f.Backward();
        var lines = f.ToTree().Split('\n');
        Assert.StartsWith("f = 124", lines[0]);
        Assert.Contains("grad 1   (+)", lines[0]);
        Assert.Contains(lines, l => l.Contains("z = 11") && l.Contains("grad 22   (+)"));
        Assert.Contains(lines, l => l.Contains("x1 = 1") && l.Contains("grad 44   (leaf)"));
        Assert.Contains(lines, l => l.Contains("x2 = 3") && l.Contains("grad 66   (leaf)"));
        Assert.Contains(lines, l => l.TrimEnd().EndsWith("constant") && l.Contains("2 = 2"));
    }

    [Fact]
    public void TreeMarksANodeReachedTwice()
    {
        var x = new Value(3, "x");
        var y = (x * x).Named("y");
        y.Backward();
        var lines = y.ToTree().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain("shown above", lines[1]);
        Assert.Contains("shown above", lines[2]);
    }
}
