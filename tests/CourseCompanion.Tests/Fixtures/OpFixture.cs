using System.Text.Json;
using System.Text.Json.Nodes;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Fixtures;

/// <summary>An op as the fixture tables call it: input tensors and the case's JSON arguments to an output.</summary>
public delegate Tensor FixtureOp(Tensor[] inputs, FixtureArgs args);

/// <summary>Typed access to a case's "args" object.</summary>
public sealed class FixtureArgs(JsonObject args)
{
    public int Int(string name) => args[name]!.GetValue<int>();
    public double Double(string name) => args[name]!.GetValue<double>();
    public bool Bool(string name) => args[name]!.GetValue<bool>();
    public string String(string name) => args[name]!.GetValue<string>();
    public int[] Ints(string name) => args[name]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
    public bool Has(string name) => args.ContainsKey(name);
    public int? OptionalInt(string name) => args[name] is { } v ? v.GetValue<int>() : null;
    public double? OptionalDouble(string name) => args[name] is { } v ? v.GetValue<double>() : null;
}

/// <summary>
/// One PyTorch reference case from tests/fixtures/&lt;family&gt;.json (written by make_fixtures.py):
/// inputs, the expected output, and the input gradients for a given upstream gradient.
/// </summary>
public sealed class OpFixture
{
    private static readonly Dictionary<string, Dictionary<string, OpFixture>> Families = new();

    public required string Name { get; init; }
    public required string Op { get; init; }
    public required FixtureArgs Args { get; init; }
    public required JsonArray Inputs { get; init; }
    public required JsonObject Output { get; init; }
    public JsonObject? Upstream { get; init; }
    public JsonArray? Grads { get; init; }
    public bool GradCheck { get; init; } = true;

    /// <summary>Case names of a family, for [MemberData].</summary>
    public static TheoryData<string> Names(string family)
    {
        var data = new TheoryData<string>();
        foreach (var name in Load(family).Keys) data.Add(name);
        return data;
    }

    public static OpFixture Get(string family, string name) => Load(family)[name];

    private static Dictionary<string, OpFixture> Load(string family)
    {
        lock (Families)
        {
            if (Families.TryGetValue(family, out var cached)) return cached;
            var path = Path.Combine(AppContext.BaseDirectory, "fixtures", family + ".json");
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var cases = root["cases"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(
                c => c["name"]!.GetValue<string>(),
                c => new OpFixture
                {
                    Name = c["name"]!.GetValue<string>(),
                    Op = c["op"]!.GetValue<string>(),
                    Args = new FixtureArgs(c["args"]!.AsObject()),
                    Inputs = c["inputs"]!.AsArray(),
                    Output = c["output"]!.AsObject(),
                    Upstream = c["upstream"]?.AsObject(),
                    Grads = c["grads"]?.AsArray(),
                    GradCheck = c["gradcheck"]?.GetValue<bool>() ?? true,
                });
            Families[family] = cases;
            return cases;
        }
    }

    /// <summary>Builds a tensor from a fixture's {shape, dtype, data}.</summary>
    public static Tensor ToTensor(JsonNode node)
    {
        var shape = node["shape"]!.AsArray().Select(v => v!.GetValue<int>()).ToArray();
        var dtype = node["dtype"]!.GetValue<string>() switch
        {
            "float32" => DType.Float32,
            "float64" => DType.Float64,
            "int64" => DType.Int64,
            "bool" => DType.Bool,
            var other => throw new InvalidDataException($"Fixture dtype '{other}' is not supported."),
        };
        var values = node["data"]!.AsArray().Select(Number).ToArray();
        var t = Tensor.FromArray(values, shape.Length == 0 ? [] : shape);
        if (shape.Length == 0) t = t.Reshape();
        return t.To(dtype);
    }

    private static double Number(JsonNode? v) => v!.GetValueKind() == JsonValueKind.String
        ? v.GetValue<string>() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NegativeInfinity }
        : v.GetValue<double>();
}
