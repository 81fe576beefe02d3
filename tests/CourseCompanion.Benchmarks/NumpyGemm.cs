using System.Text.Json;

namespace CourseCompanion.Benchmarks;

/// <summary>numpy's float32 matmul speed, measured by running gemm_numpy.py with the system Python.</summary>
internal static class NumpyGemm
{
    /// <summary>The result of one run: which BLAS numpy used and its GFLOP/s per size.</summary>
    public sealed record Result(string Blas, int? Threads, IReadOnlyDictionary<int, double> Gflops);

    /// <summary>Per size, the faster of two runs (either may be null).</summary>
    public static Result? Better(Result? first, Result? second) =>
        first is null || second is null ? first ?? second
        : first with { Gflops = first.Gflops.ToDictionary(p => p.Key, p => Math.Max(p.Value, second.Gflops.GetValueOrDefault(p.Key))) };

    /// <summary>Runs gemm_numpy.py; null (with a note on stderr) when Python or numpy is missing.</summary>
    public static Result? Measure(IEnumerable<int> sizes)
    {
        using var json = SystemPython.RunJson("gemm_numpy.py", sizes.Select(n => n.ToString()));
        if (json is null) return null;
        var root = json.RootElement;
        var gflops = root.GetProperty("gflops").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetDouble());
        int? threads = root.GetProperty("threads").ValueKind == JsonValueKind.Number ? root.GetProperty("threads").GetInt32() : null;
        return new Result(root.GetProperty("blas").GetString()!, threads, gflops);
    }
}
