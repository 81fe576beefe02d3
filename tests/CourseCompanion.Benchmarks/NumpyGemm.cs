using System.Diagnostics;
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

    /// <summary>
    /// Runs the script; null (with a note on stderr) when Python or numpy is missing.
    /// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed so OpenBLAS picks its own kernel for this CPU.
    /// </summary>
    public static Result? Measure(IEnumerable<int> sizes, string python = "/usr/bin/python3")
    {
        string script = Path.Combine(AppContext.BaseDirectory, "gemm_numpy.py");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (int n in sizes) start.ArgumentList.Add(n.ToString());
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        try
        {
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"numpy benchmark failed: {error.Trim()}");
                return null;
            }
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            var gflops = root.GetProperty("gflops").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetDouble());
            int? threads = root.GetProperty("threads").ValueKind == JsonValueKind.Number ? root.GetProperty("threads").GetInt32() : null;
            return new Result(root.GetProperty("blas").GetString()!, threads, gflops);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"numpy benchmark skipped: cannot start {python}: {e.Message}");
            return null;
        }
    }
}
