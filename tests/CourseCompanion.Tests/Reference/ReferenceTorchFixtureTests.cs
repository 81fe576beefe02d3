using System.Text.Json.Nodes;
using CourseCompanion.Reference;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Reference;

/// <summary>
/// Conv, Pooling, BatchNormalization and Lstm agree with PyTorch 1.13 (tests/fixtures/reference.json, written by
/// tests/fixtures/cases/reference.py) on the same weights: outputs and every gradient, in float64. These stand in for
/// the agreement tests against the autograd modules until NN's Conv2d, MaxPool2d, BatchNorm and LSTM are merged.
/// </summary>
public sealed class ReferenceTorchFixtureTests
{
    private static readonly JsonObject Root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "reference.json")))!.AsObject();

    private static IEnumerable<JsonObject> Cases(string kind) => Root[kind]!.AsArray().Select(c => c!.AsObject());

    private static Tensor T(JsonObject c, string key)
    {
        var node = c[key]!.AsObject();
        var shape = node["shape"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        return Tensor.FromArray(node["data"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray(), shape);
    }

    private static void Close(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        double diff = (expected - actual.Double()).Abs().Max().Item();
        Assert.True(diff < 1e-10, $"{what}: max |difference| {diff:E2} from PyTorch");
    }

    [Fact]
    public void ConvAgreesWithTorch()
    {
        foreach (var c in Cases("conv"))
        {
            var w = T(c, "w");
            var conv = new Conv(c["stride"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray(), w.Shape[1..], w.Size(0))
            {
                Weights = w,
                Bias = T(c, "b"),
            };
            var name = c["name"]!.GetValue<string>();
            Close(T(c, "out"), conv.Forward(T(c, "x")), $"conv {name} output");
            Close(T(c, "gx"), conv.Backward(T(c, "upstream")), $"conv {name} input gradient");
            Close(T(c, "gw"), conv.GradientWeights!, $"conv {name} weight gradient");
            Close(T(c, "gb"), conv.GradientBias!, $"conv {name} bias gradient");
        }
    }

    [Fact]
    public void MaxPoolingAgreesWithTorch()
    {
        foreach (var c in Cases("pool"))
        {
            int[] Ints(string key) => c[key]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
            var pool = new Pooling(Ints("stride"), Ints("window"));
            var name = c["name"]!.GetValue<string>();
            Close(T(c, "out"), pool.Forward(T(c, "x")), $"pool {name} output");
            Close(T(c, "gx"), pool.Backward(T(c, "upstream")), $"pool {name} input gradient");
        }
    }

    [Fact]
    public void BatchNormalizationAgreesWithTorchInTraining()
    {
        foreach (var c in Cases("batchnorm"))
        {
            var gamma = T(c, "gamma");
            var bn = new BatchNormalization(gamma.Size(0)) { Weights = gamma, Bias = T(c, "beta") };
            var name = c["name"]!.GetValue<string>();
            Close(T(c, "out"), bn.Forward(T(c, "x")), $"batch norm {name} output");
            Close(T(c, "gx"), bn.Backward(T(c, "upstream")), $"batch norm {name} input gradient");
            Close(T(c, "ggamma"), bn.GradientWeights!, $"batch norm {name} γ gradient");
            Close(T(c, "gbeta"), bn.GradientBias!, $"batch norm {name} β gradient");
        }
    }

    // ours: gate blocks f, i, C̃, o; PyTorch: i, f, g, o
    private static readonly int[] TorchBlock = [1, 0, 2, 3];

    [Fact]
    public void LstmAgreesWithTorch()
    {
        foreach (var c in Cases("lstm"))
        {
            var wIh = T(c, "w_ih"); var wHh = T(c, "w_hh"); var bias = T(c, "b_ih") + T(c, "b_hh");
            int n = wHh.Size(1), inputs = wIh.Size(1);
            var wOut = T(c, "w_out");
            var lstm = new Lstm(inputs, n, wOut.Size(0))
            {
                Weights = ToOurs(wIh, wHh, bias, n),
                OutputWeights = Tensor.Cat([wOut.T, T(c, "b_out").Reshape(1, -1)], 0),
            };
            Close(T(c, "out"), lstm.Forward(T(c, "x")), "LSTM output");
            Close(T(c, "hidden"), lstm.HiddenStates, "LSTM hidden states");
            Close(T(c, "gx"), lstm.Backward(T(c, "upstream")), "LSTM input gradient");
            Close(ToOurs(T(c, "g_w_ih"), T(c, "g_w_hh"), T(c, "g_b"), n), lstm.GradientWeights!, "LSTM gate weight gradient");
            Close(Tensor.Cat([T(c, "g_w_out").T, T(c, "g_b_out").Reshape(1, -1)], 0), lstm.GradientOutputWeights!, "LSTM output weight gradient");
        }
    }

    private static Tensor ToOurs(Tensor wIh, Tensor wHh, Tensor bias, int n)
    {
        var blocks = new Tensor[4];
        for (int k = 0; k < 4; k++)
        {
            int b = TorchBlock[k];
            blocks[k] = Tensor.Cat([wIh.Narrow(0, b * n, n).T, wHh.Narrow(0, b * n, n).T, bias.Narrow(0, b * n, n).Reshape(1, n)], 0);
        }
        return Tensor.Cat(blocks, 1).Contiguous();
    }
}
