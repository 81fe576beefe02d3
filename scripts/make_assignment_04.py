#!/usr/bin/env python3
"""Writes notebooks/exercises/source/04-activations-and-cnns/04-activations-and-cnns.ipynb, the graded exercises of chapter 4.

Same conventions as scripts/make_sample_assignment.py (nbgrader schema version 3, see docs/grading.md). Run it from the
repository root, then `companion release 04-activations-and-cnns`. Cell ids are fixed so re-running gives the same file.
"""
import json

def code(cid, source, **nbgrader):
    cell = {"cell_type": "code", "execution_count": None, "id": cid,
            "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}},
            "outputs": [], "source": source.strip("\n")}
    tags = nbgrader.pop("tags", None)
    if tags: cell["metadata"]["tags"] = tags
    if nbgrader: cell["metadata"]["nbgrader"] = meta(grade_id=cid, **nbgrader)
    return cell

def markdown(cid, source, **nbgrader):
    cell = {"cell_type": "markdown", "id": cid, "metadata": {}, "source": source.strip("\n")}
    cell["metadata"]["nbgrader"] = meta(grade_id=cid, locked=True)
    return cell

def meta(grade_id, grade=False, solution=False, locked=False, task=False, points=None):
    m = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution, "task": task}
    if grade: m["points"] = points
    return m

def test(cid, points, group, source):
    return code(cid, source, grade=True, locked=True, points=points, tags=[f"group:{group}"])

cells = [
markdown("intro", r"""
# Chapter 4 exercises: activation layers, convolution and pooling

These exercises follow the FAU exercise framework: a layer has `Forward(input)`, which caches what it needs, and
`Backward(error)`, which receives $\partial L/\partial\,\text{output}$ and returns $\partial L/\partial\,\text{input}$.
The interface is `ILayer` from `CourseCompanion.Reference`, where the lecture's reference layers live; the tests compare
your code with them and run the exercises' gradient check (`LayerCheck`, central differences in double precision).

Fill in every cell marked `// YOUR CODE HERE` (remove the `throw`), then run `companion validate` on this notebook. Work
in double precision (`x.Double()`), and write the backward passes by hand: autograd is not used by the layers.
"""),
code("setup", r"""
#r "../../../../build/CourseCompanion/CourseCompanion.dll"
using CourseCompanion.Tensors;
using CourseCompanion.Checks;
using CourseCompanion.Reference;
""", locked=True),

markdown("selu_task", r"""
## Exercise 1: the SELU layer (4 points)

$$f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}, \qquad \lambda = 1.0507009873554805,\ \alpha = 1.6732632423543772.$$

Derive $f'(x)$ yourself (careful: the lecture slide has a misprint for $x \le 0$) and implement both passes.
"""),
code("selu", r"""
public class Selu : ILayer
{
    public const double Lambda = 1.0507009873554805, Alpha = 1.6732632423543772;
    private Tensor? input;
    public bool Trainable => false;
    public bool TestingPhase { get; set; }

    public Tensor Forward(Tensor x)
    {
        // BEGIN SOLUTION
        input = x.Double();
        return Tensor.Where(input > 0, input, (input.Exp() - 1) * Alpha) * Lambda;
        // END SOLUTION
    }

    public Tensor Backward(Tensor error)
    {
        // BEGIN SOLUTION
        var x = input ?? throw new InvalidOperationException("call Forward first");
        return error.Double() * Tensor.Where(x > 0, Tensor.OnesLike(x), x.Exp() * Alpha) * Lambda;
        // END SOLUTION
    }
}
""", solution=True),
test("selu_values", 2, "activations", r"""
var selu = new Selu();
var y = selu.Forward(Tensor.FromArray(new double[] { 1, -1 }, 1, 2));
Check.Close(y.GetDouble(0, 0), 1.0507, 1e-4, hint: "for x > 0, SELU(x) = λx");
Check.Close(y.GetDouble(0, 1), -1.111331, 1e-4, hint: "for x ≤ 0, SELU(x) = λα(e^x − 1)");
var slope = selu.Backward(Tensor.FromArray(new double[] { 1, 1 }, 1, 2));
Check.Close(slope.GetDouble(0, 1), 0.646769, 1e-4, hint: "for x ≤ 0 the derivative is λαe^x (the slide's λα·f(x) is a misprint)");
// BEGIN HIDDEN TESTS
Check.Close(slope.GetDouble(0, 0), 1.0507009873554805, 1e-9, hint: "for x > 0 the derivative is λ");
var z = Tensor.Randn([5, 7], new Generator(3)).Double();
Check.Close(new Selu().Forward(z), z.Selu(), 1e-9, hint: "compare your forward pass with the formula on random inputs");
// END HIDDEN TESTS
"""),
test("selu_gradient", 2, "activations", r"""
var input = Tensor.Randn([4, 6], new Generator(1)).Double();
input = Tensor.Where(input.Abs() < 0.05, input + 0.2, input);   // keep away from the kink at 0
LayerCheck.GradientWithRespectToInput(new Selu(), input).EnsurePassed();
// BEGIN HIDDEN TESTS
var layer = new Selu();
layer.Forward(input);
var error = Tensor.Randn([4, 6], new Generator(2)).Double();
var expected = error * Tensor.Where(input > 0, Tensor.OnesLike(input), input.Exp() * Selu.Alpha) * Selu.Lambda;
Check.Close(layer.Backward(error), expected, 1e-9, hint: "Backward multiplies the incoming error by f'(x) elementwise");
// END HIDDEN TESTS
"""),

markdown("leaky_task", r"""
## Exercise 2: the leaky ReLU layer (2 points)

$f(x) = x$ for $x > 0$ and $\alpha x$ otherwise, with $f'(x) = 1$ or $\alpha$. The default is $\alpha = 0.01$ (Maas et al. 2013).
"""),
code("leaky", r"""
public class LeakyReLU(double alpha = 0.01) : ILayer
{
    public double Alpha { get; } = alpha;
    private Tensor? input;
    public bool Trainable => false;
    public bool TestingPhase { get; set; }

    public Tensor Forward(Tensor x)
    {
        // BEGIN SOLUTION
        input = x.Double();
        return Tensor.Where(input > 0, input, input * Alpha);
        // END SOLUTION
    }

    public Tensor Backward(Tensor error)
    {
        // BEGIN SOLUTION
        var x = input ?? throw new InvalidOperationException("call Forward first");
        return error.Double() * Tensor.Where(x > 0, 1.0, Tensor.FullLike(x, Alpha));
        // END SOLUTION
    }
}
""", solution=True),
test("leaky_values", 1, "activations", r"""
var leaky = new LeakyReLU(0.1);
var y = leaky.Forward(Tensor.FromArray(new double[] { -2, 3 }, 1, 2));
Check.Close(y, Tensor.FromArray(new double[] { -0.2, 3 }, 1, 2), 1e-12, hint: "negative inputs are multiplied by α");
var g = leaky.Backward(Tensor.FromArray(new double[] { 1, 1 }, 1, 2));
Check.Close(g, Tensor.FromArray(new double[] { 0.1, 1 }, 1, 2), 1e-12, hint: "the derivative is α on the negative side");
// BEGIN HIDDEN TESTS
Check.Close(new LeakyReLU().Forward(Tensor.FromArray(new double[] { -5 }, 1, 1)).Item(), -0.05, 1e-12, hint: "the default α is 0.01");
// END HIDDEN TESTS
"""),
test("leaky_gradient", 1, "activations", r"""
var input = Tensor.Randn([3, 8], new Generator(4)).Double();
input = Tensor.Where(input.Abs() < 0.05, input + 0.2, input);
LayerCheck.GradientWithRespectToInput(new LeakyReLU(0.2), input).EnsurePassed();
"""),

markdown("sizes_task", r"""
## Exercise 3: sizes and parameter counts (3 points)

Write the output size of a convolution or pooling along one axis, for input size $n$, kernel $f$, padding $p$ and
stride $s$ (floor convention), and the parameter counts of a convolution layer ($k \times k$ kernels, $C_\text{in} \to C_\text{out}$)
and of a fully connected layer.
"""),
code("sizes", r"""
int OutSize(int n, int f, int p, int s)
{
    // BEGIN SOLUTION
    return (n + 2 * p - f) / s + 1;
    // END SOLUTION
}

long ConvParams(int inChannels, int outChannels, int k, bool bias)
{
    // BEGIN SOLUTION
    return (long)k * k * inChannels * outChannels + (bias ? outChannels : 0);
    // END SOLUTION
}

long FcParams(long inFeatures, long outFeatures, bool bias)
{
    // BEGIN SOLUTION
    return inFeatures * outFeatures + (bias ? outFeatures : 0);
    // END SOLUTION
}
""", solution=True),
test("out_size", 2, "arithmetic", r"""
Check.Equal(OutSize(224, 11, 0, 4), 54, hint: "⌊(n + 2p − f)/s⌋ + 1");
Check.Equal(OutSize(227, 11, 0, 4), 55);
Check.Equal(OutSize(55, 3, 0, 2), 27, hint: "AlexNet's overlapping pooling: 55 → 27");
// BEGIN HIDDEN TESTS
Check.Equal(OutSize(32, 3, 1, 1), 32, hint: "same padding keeps the size");
Check.Equal(OutSize(7, 3, 0, 2), 3);
Check.Equal(OutSize(5, 2, 0, 2), 2, hint: "round down, not up");
// END HIDDEN TESTS
"""),
test("param_counts", 1, "arithmetic", r"""
Check.Equal(FcParams(512 * 512, 8, bias: true), 2_097_160L, hint: "(512² + 1)·8");
Check.Equal(ConvParams(1, 8, 5, bias: false), 200L, hint: "eight 5×5 filters, independent of the image size");
Check.Equal(ConvParams(3, 96, 5, bias: true), 7_296L, hint: "k²·C_in·C_out + C_out");
// BEGIN HIDDEN TESTS
Check.Equal(ConvParams(3, 96, 11, bias: false), 34_848L);
Check.Equal(FcParams(40_000, 40_000, bias: false), 1_600_000_000L, hint: "use long arithmetic: the product overflows an int");
// END HIDDEN TESTS
"""),

markdown("conv_task", r"""
## Exercise 4: the convolution forward pass (3 points)

Compute the multi-channel convolution (cross-correlation, as every framework does) of `x` [N, C, H, W] with filters
`w` [F, C, k, k] and bias `b` [F], with zero padding `padding` on every side and stride `stride`:

$$y[n, f, i, j] = b_f + \sum_{c} \sum_{u, v} w[f, c, u, v]\; x_\text{pad}[n, c, i s + u, j s + v].$$

Loops over arrays are fine (`x.ToArray<double>()`, `Tensor.FromArray(values, shape)`); so is im2col with `Unfold`.
Do not call `Conv2d`: the tests compare with it.
"""),
code("conv", r"""
Tensor ConvForward(Tensor x, Tensor w, Tensor b, int stride, int padding)
{
    // BEGIN SOLUTION
    int N = x.Size(0), C = x.Size(1), H = x.Size(2), W = x.Size(3), F = w.Size(0), k = w.Size(2);
    int Ho = (H + 2 * padding - k) / stride + 1, Wo = (W + 2 * padding - k) / stride + 1;
    var (xv, wv, bv) = (x.ToArray<double>(), w.ToArray<double>(), b.ToArray<double>());
    var y = new double[N * F * Ho * Wo];
    for (int n = 0; n < N; n++)
        for (int f = 0; f < F; f++)
            for (int i = 0; i < Ho; i++)
                for (int j = 0; j < Wo; j++)
                {
                    double sum = bv[f];
                    for (int c = 0; c < C; c++)
                        for (int u = 0; u < k; u++)
                            for (int v = 0; v < k; v++)
                            {
                                int r = i * stride + u - padding, q = j * stride + v - padding;
                                if (r >= 0 && r < H && q >= 0 && q < W)
                                    sum += wv[((f * C + c) * k + u) * k + v] * xv[((n * C + c) * H + r) * W + q];
                            }
                    y[((n * F + f) * Ho + i) * Wo + j] = sum;
                }
    return Tensor.FromArray(y, N, F, Ho, Wo);
    // END SOLUTION
}
""", solution=True),
test("conv_ones", 1, "convolution", r"""
var ones = ConvForward(Tensor.Ones([1, 1, 3, 3], DType.Float64), Tensor.Ones([1, 1, 2, 2], DType.Float64), Tensor.Zeros([1], DType.Float64), 1, 0);
Check.Close(ones, Tensor.Full([1, 1, 2, 2], 4.0, DType.Float64), 1e-12, hint: "a 2×2 window of ones over ones sums to 4; a valid convolution of 3×3 gives 2×2");
"""),
test("conv_reference", 2, "convolution", r"""
var layer = new Conv([1, 1], [2, 3, 3], 3, new Generator(2));     // the reference layer: same padding, stride 1
var x = Tensor.Randn([2, 2, 6, 5], new Generator(3)).Double();
Check.Close(ConvForward(x, layer.Weights, layer.Bias, 1, 1), layer.Forward(x), 1e-10, hint: "sum over all input channels, then add the bias of the filter");
// BEGIN HIDDEN TESTS
var strided = new Conv([2, 2], [3, 3, 3], 4, new Generator(5));
var x7 = Tensor.Randn([2, 3, 7, 7], new Generator(6)).Double();
Check.Close(ConvForward(x7, strided.Weights, strided.Bias, 2, 1), strided.Forward(x7), 1e-10, hint: "with stride s, output position i reads input rows i·s + u − p");
Check.Close(ConvForward(x7, strided.Weights, strided.Bias, 3, 0), x7.Conv2d(strided.Weights, strided.Bias, stride: 3), 1e-10, hint: "valid convolution with stride 3");
// END HIDDEN TESTS
"""),

markdown("matrix_task", r"""
## Exercise 5: convolution as a matrix (2 points)

A valid, stride-1 convolution of a single-channel $H \times W$ image with a $k \times k$ kernel is a linear map, so it is
a matrix $M$ of shape $[(H-k+1)(W-k+1),\ HW]$ with $\operatorname{vec}(y) = M \operatorname{vec}(x)$ (row-major
`vec`). Build $M$. Its transpose is the backward pass: $\operatorname{vec}(\partial L/\partial x) = M^\top \operatorname{vec}(e)$.
"""),
code("matrix", r"""
Tensor BuildConvMatrix(Tensor kernel, int height, int width)
{
    // BEGIN SOLUTION
    int k = kernel.Size(0), ho = height - k + 1, wo = width - k + 1;
    var m = new double[ho * wo, height * width];
    for (int i = 0; i < ho; i++)
        for (int j = 0; j < wo; j++)
            for (int u = 0; u < k; u++)
                for (int v = 0; v < k; v++)
                    m[i * wo + j, (i + u) * width + j + v] = kernel.GetDouble(u, v);
    return Tensor.FromArray(m);
    // END SOLUTION
}
""", solution=True),
test("conv_matrix", 2, "convolution", r"""
var kernel = Tensor.Randn([3, 3], new Generator(7)).Double();
var M = BuildConvMatrix(kernel, 5, 5);
Check.Shape(M, [9, 25], hint: "one row per output pixel, one column per input pixel");
var image = Tensor.Randn([1, 1, 5, 5], new Generator(8)).Double().RequiresGrad_();
var output = image.Conv2d(kernel.Reshape(1, 1, 3, 3));
Check.Close(M.MatMul(image.Detach().Reshape(-1)), output.Detach().Reshape(-1), 1e-12, hint: "row i·wo + j holds the kernel at the columns of its receptive field");
var e = Tensor.Randn([1, 1, 3, 3], new Generator(9)).Double();
output.Backward(e);
Check.Close(M.T.MatMul(e.Reshape(-1)), image.Grad!.Reshape(-1), 1e-12, hint: "the transpose of the forward matrix is the backward pass");
// BEGIN HIDDEN TESTS
var k2 = Tensor.Randn([2, 2], new Generator(10)).Double();
var x46 = Tensor.Randn([1, 1, 4, 6], new Generator(11)).Double();
Check.Close(BuildConvMatrix(k2, 4, 6).MatMul(x46.Reshape(-1)), x46.Conv2d(k2.Reshape(1, 1, 2, 2)).Reshape(-1), 1e-12, hint: "non-square images: the row stride of vec(x) is the width");
// END HIDDEN TESTS
"""),

markdown("pool_task", r"""
## Exercise 6: max pooling (3 points)

Implement max pooling over windows of `size × size` with stride `stride` (no padding, windows may overlap) on
[N, C, H, W]. Forward keeps each window's maximum and remembers where it was; backward sends each error to that
position only (adding up where overlapping windows share a maximum).
"""),
code("pool", r"""
public class MaxPool(int size, int stride) : ILayer
{
    private int[]? shape;
    private int[]? argmax;
    public bool Trainable => false;
    public bool TestingPhase { get; set; }

    public Tensor Forward(Tensor input)
    {
        // BEGIN SOLUTION
        shape = input.Shape;
        var x = input.ToArray<double>();
        int planes = shape[0] * shape[1], H = shape[2], W = shape[3];
        int ho = (H - size) / stride + 1, wo = (W - size) / stride + 1;
        var y = new double[planes * ho * wo];
        argmax = new int[y.Length];
        for (int p = 0; p < planes; p++)
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++)
                {
                    int best = (p * H + i * stride) * W + j * stride;
                    for (int u = 0; u < size; u++)
                        for (int v = 0; v < size; v++)
                        {
                            int at = (p * H + i * stride + u) * W + j * stride + v;
                            if (x[at] > x[best]) best = at;
                        }
                    int o = (p * ho + i) * wo + j;
                    (y[o], argmax[o]) = (x[best], best);
                }
        return Tensor.FromArray(y, shape[0], shape[1], ho, wo);
        // END SOLUTION
    }

    public Tensor Backward(Tensor error)
    {
        // BEGIN SOLUTION
        var e = error.ToArray<double>();
        var dx = new double[shape!.Aggregate(1, (a, b) => a * b)];
        for (int o = 0; o < e.Length; o++) dx[argmax![o]] += e[o];
        return Tensor.FromArray(dx, shape);
        // END SOLUTION
    }
}
""", solution=True),
test("pool_forward", 1, "pooling", r"""
var grid = Tensor.FromArray(new double[] { 1, 3, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4 }, 1, 1, 4, 4);
var pooled = new MaxPool(2, 2).Forward(grid);
Check.Close(pooled, Tensor.FromArray(new double[] { 6, 8, 3, 4 }, 1, 1, 2, 2), 1e-12, hint: "the maximum of each 2×2 window");
// BEGIN HIDDEN TESTS
var x = Tensor.Randn([2, 3, 7, 7], new Generator(12)).Double();
Check.Close(new MaxPool(3, 2).Forward(x), new Pooling([2, 2], [3, 3]).Forward(x), 1e-12, hint: "overlapping windows: size 3, stride 2");
// END HIDDEN TESTS
"""),
test("pool_backward", 2, "pooling", r"""
var grid = Tensor.FromArray(new double[] { 1, 3, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4 }, 1, 1, 4, 4);
var pool = new MaxPool(2, 2);
pool.Forward(grid);
var routed = pool.Backward(Tensor.Ones([1, 1, 2, 2], DType.Float64));
var expected = Tensor.FromArray(new double[] { 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1 }, 1, 1, 4, 4);
Check.Close(routed, expected, 1e-12, hint: "only the arg-max of each window receives the error");
LayerCheck.GradientWithRespectToInput(new MaxPool(2, 2), Tensor.Randn([2, 2, 4, 6], new Generator(13)).Double()).EnsurePassed();
// BEGIN HIDDEN TESTS
var x = Tensor.Randn([2, 3, 7, 7], new Generator(14)).Double();
var (mine, reference) = (new MaxPool(3, 2), new Pooling([2, 2], [3, 3]));
mine.Forward(x); reference.Forward(x);
var err = Tensor.Randn([2, 3, 3, 3], new Generator(15)).Double();
Check.Close(mine.Backward(err), reference.Backward(err), 1e-12, hint: "overlapping windows: add the errors when two windows share a maximum");
// END HIDDEN TESTS
"""),
markdown("outro", r"""
## Before you hand in

Run `companion validate` on this notebook: it runs every visible test and prints PASS or FAIL with a hint. Hidden tests
check the same properties on other inputs (other sizes, strides, overlapping windows), so test your code beyond the
visible cases too.
"""),
]
notebook = {"cells": cells, "metadata": {
    "kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
    "language_info": {"name": "polyglot-notebook"},
    "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp", "items": [{"aliases": [], "languageName": "csharp", "name": "csharp"}]}}},
    "nbformat": 4, "nbformat_minor": 5}
for cell in cells:
    cell["source"] = cell["source"].splitlines(True)
with open("notebooks/exercises/source/04-activations-and-cnns/04-activations-and-cnns.ipynb", "w", encoding="utf-8") as f:
    f.write(json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
