using System.Text.Json.Nodes;
using CourseCompanion.NN;
using CourseCompanion.Tensors;
using CourseCompanion.Tests.Fixtures;

namespace CourseCompanion.Tests.NN;

/// <summary>
/// Layers against PyTorch (tests/fixtures/cases/layers.py): each case's torch state dict is loaded with LoadStateDict, the
/// module runs the same steps, and outputs, input and parameter gradients, and the state dict afterwards (batch norm's
/// running statistics) are compared with float32 tolerances rtol 1e-5, atol 1e-6, for every case.
/// </summary>
public class LayerFixtureTests
{
    private static readonly JsonArray Cases =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "layers.json")))!["cases"]!.AsArray();

    public static TheoryData<string> Names => new(Cases.Select(c => c!["name"]!.GetValue<string>()));

    private static Module Build(string module, FixtureArgs a) => module switch
    {
        "ReLU" => new ReLU(),
        "LeakyReLU" => new LeakyReLU(a.Double("negative_slope")),
        "ELU" => new ELU(a.Double("alpha")),
        "SELU" => new SELU(),
        "GELU" => new GELU(a.String("approximate") == "tanh" ? GeluApproximate.Tanh : GeluApproximate.None),
        "Sigmoid" => new Sigmoid(),
        "Tanh" => new Tanh(),
        "Softplus" => new Softplus(a.Double("beta"), a.Double("threshold")),
        "SiLU" => new SiLU(),
        "Softmax" => new Softmax(a.Int("dim")),
        "LogSoftmax" => new LogSoftmax(a.Int("dim")),
        "Identity" => new Identity(),
        "BatchNorm1d" => new BatchNorm1d(a.Int("num_features"), momentum: a.Has("momentum") ? a.OptionalDouble("momentum") : 0.1, affine: !a.Has("affine") || a.Bool("affine")),
        "BatchNorm2d" => new BatchNorm2d(a.Int("num_features"), momentum: a.Has("momentum") ? a.OptionalDouble("momentum") : 0.1, affine: !a.Has("affine") || a.Bool("affine")),
        "LayerNorm" => new LayerNorm(a.Ints("normalized_shape"), elementwiseAffine: !a.Has("elementwise_affine") || a.Bool("elementwise_affine")),
        "Embedding" => new Embedding(a.Int("num_embeddings"), a.Int("embedding_dim"), a.OptionalInt("padding_idx")),
        "RNNCell" => new RNNCell(a.Int("input_size"), a.Int("hidden_size"), nonlinearity: Nonlinearity(a)),
        "LSTMCell" => new LSTMCell(a.Int("input_size"), a.Int("hidden_size")),
        "GRUCell" => new GRUCell(a.Int("input_size"), a.Int("hidden_size")),
        "RNN" => new RNN(a.Int("input_size"), a.Int("hidden_size"), NumLayers(a), Nonlinearity(a), Bias(a), BatchFirst(a)),
        "LSTM" => new LSTM(a.Int("input_size"), a.Int("hidden_size"), NumLayers(a), Bias(a), BatchFirst(a)),
        "GRU" => new GRU(a.Int("input_size"), a.Int("hidden_size"), NumLayers(a), Bias(a), BatchFirst(a)),
        _ => throw new KeyNotFoundException($"No factory for module '{module}'."),
    };

    private static RNNNonlinearity Nonlinearity(FixtureArgs a) => a.Has("nonlinearity") && a.String("nonlinearity") == "relu" ? RNNNonlinearity.ReLU : RNNNonlinearity.Tanh;
    private static int NumLayers(FixtureArgs a) => a.OptionalInt("num_layers") ?? 1;
    private static bool Bias(FixtureArgs a) => !a.Has("bias") || a.Bool("bias");
    private static bool BatchFirst(FixtureArgs a) => a.Has("batch_first") && a.Bool("batch_first");

    /// <summary>One step, with the outputs flattened as the fixture has them (PyTorch's (output, (h, c)) becomes output, h, c).</summary>
    private static Tensor[] Run(Module m, Tensor[] x) => m switch
    {
        LSTM lstm => Flatten(x.Length == 3 ? lstm.Forward(x[0], new LSTMState(x[1], x[2])) : lstm.Forward(x[0])),
        GRU gru => Flatten(gru.Forward(x[0], x.Length == 2 ? x[1] : null)),
        RNN rnn => Flatten(rnn.Forward(x[0], x.Length == 2 ? x[1] : null)),
        LSTMCell cell => cell.Forward(x[0], new LSTMState(x[1], x[2])) is var (h, c) ? [h, c] : [],
        GRUCell cell => [cell.Forward(x[0], x[1])],
        RNNCell cell => [cell.Forward(x[0], x[1])],
        _ => [m.Forward(x[0])],
    };

    private static Tensor[] Flatten(RecurrentOutput<LSTMState> r) => [r.Output, r.State.H, r.State.C];
    private static Tensor[] Flatten(RecurrentOutput<Tensor> r) => [r.Output, r.State];

    private static Dictionary<string, Tensor> Tensors(JsonNode? node) =>
        node!.AsObject().ToDictionary(p => p.Key, p => OpFixture.ToTensor(p.Value!));

    [Theory, MemberData(nameof(Names))]
    public void MatchesPyTorch(string name)
    {
        var c = Cases.Single(x => x!["name"]!.GetValue<string>() == name)!;
        const double rtol = 1e-5, atol = 1e-6; // also for the 40-step LSTM: no loosening was needed
        var module = Build(c["module"]!.GetValue<string>(), new FixtureArgs(c["args"]!.AsObject()));
        module.LoadStateDict(Tensors(c["state"]));
        module.Train(c["train"]!.GetValue<bool>());

        var steps = c["steps"]!.AsArray();
        Tensor[] inputs = [], outputs = [];
        for (int s = 0; s < steps.Count; s++)
        {
            inputs = steps[s]!.AsArray().Select(t => OpFixture.ToTensor(t!)).ToArray();
            foreach (var t in inputs) if (t.DType.IsFloatingPoint()) t.RequiresGrad = true;
            outputs = Run(module, inputs);
            var expected = c["outputs"]![s]!.AsArray();
            Assert.Equal(expected.Count, outputs.Length);
            for (int k = 0; k < outputs.Length; k++)
                OpCheck.AssertClose($"{name}: step {s + 1}, output {k}", OpFixture.ToTensor(expected[k]!), outputs[k], rtol, atol);
        }

        var upstream = c["upstream"]!.AsArray().Select(u => OpFixture.ToTensor(u!)).ToArray();
        outputs.Zip(upstream, (o, u) => (o * u).Sum()).Aggregate((a, b) => a + b).Backward();
        var grads = c["grads"]!.AsArray();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (grads[i] is not { } g) continue;
            Assert.True(inputs[i].Grad is not null, $"{name}: input {i} got no gradient.");
            OpCheck.AssertClose($"{name}: gradient of input {i}", OpFixture.ToTensor(g), inputs[i].Grad!, rtol, atol);
        }
        var parameters = module.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        var paramGrads = Tensors(c["param_grads"]);
        Assert.Equal(paramGrads.Keys.Order(), parameters.Keys.Order());
        foreach (var (pname, g) in paramGrads)
        {
            Assert.True(parameters[pname].Grad is not null, $"{name}: parameter {pname} got no gradient.");
            OpCheck.AssertClose($"{name}: gradient of {pname}", g, parameters[pname].Grad!, rtol, atol);
        }
        var state = module.StateDict();
        foreach (var (sname, value) in Tensors(c["state_after"]))
            OpCheck.AssertClose($"{name}: {sname} after {steps.Count} step(s)", value, state[sname], rtol, atol);
    }
}
