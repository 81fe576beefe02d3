using System.Diagnostics;
using System.Text.Json;

namespace CourseCompanion.Benchmarks;

/// <summary>Runs a benchmark script beside this program with Debian's Python (numpy, torch) and parses the JSON it prints.</summary>
internal static class SystemPython
{
    /// <summary>
    /// The script's JSON output, or null (with a note on stderr) when Python, numpy or torch is missing or the script fails.
    /// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed so OpenBLAS picks its own kernel for this CPU.
    /// </summary>
    public static JsonDocument? RunJson(string script, IEnumerable<string> arguments, string python = "/usr/bin/python3")
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, script));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        try
        {
            using var process = Process.Start(start)!;
            var errorTask = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode == 0) return JsonDocument.Parse(output);
            Console.Error.WriteLine($"{script} failed: {errorTask.Result.Trim()}");
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"{script} skipped: cannot start {python}: {e.Message}");
            return null;
        }
    }
}
