using System.Diagnostics;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>How submissions are isolated: <see cref="Auto"/> uses bubblewrap when it works here, else process isolation.</summary>
public enum SandboxMode { Auto, Bubblewrap, None }

/// <summary>How one submission runs: a wrapper command for the worker (null: a plain process) and a line saying what that means.</summary>
public sealed record Isolation(string Description, IReadOnlyList<string>? Wrapper);

/// <summary>
/// Runs a submission's worker under bubblewrap (Linux): the whole filesystem read-only, a private <c>/tmp</c>, the working folder the
/// only writable place, the course folder (gradebook, sources, other submissions) replaced by an empty tmpfs, no network, its own
/// PID, IPC and session namespaces, and killed with its parent. Without bubblewrap each submission still gets its own process,
/// working folder, time limit and GC heap cap, but can read and write whatever the grading user can.
/// </summary>
public static class Sandbox
{
    private static readonly Lazy<string?> BubblewrapProblem = new(ProbeBubblewrap);

    /// <summary>True when <c>bwrap</c> is on the PATH and can create its namespaces here.</summary>
    public static bool BubblewrapWorks => BubblewrapProblem.Value is null;

    /// <summary>The isolation for a worker in <paramref name="workFolder"/>, hiding <paramref name="hidden"/> and exposing <paramref name="readOnly"/> folders.</summary>
    public static Isolation For(SandboxMode mode, string workFolder, IEnumerable<string> hidden, IEnumerable<string> readOnly)
    {
        if (mode == SandboxMode.None) return new Isolation("process isolation (sandbox switched off)", null);
        if (!BubblewrapWorks)
        {
            if (mode == SandboxMode.Bubblewrap) throw new GradingException($"bubblewrap requested but unusable: {BubblewrapProblem.Value}");
            return new Isolation($"process isolation only ({BubblewrapProblem.Value}): submissions can read and write what this user can", null);
        }
        var args = new List<string> { "bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp" };
        foreach (var folder in hidden.Where(Directory.Exists)) args.AddRange(["--tmpfs", folder]);
        foreach (var folder in readOnly.Where(Directory.Exists).Distinct()) args.AddRange(["--ro-bind", folder, folder]);
        args.AddRange(["--bind", workFolder, workFolder, "--chdir", workFolder,
            "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--new-session", "--die-with-parent", "--setenv", "HOME", workFolder, "--"]);
        return new Isolation("bubblewrap: read-only filesystem except the working folder, course folder hidden, no network", args);
    }

    private static string? ProbeBubblewrap()
    {
        if (!OperatingSystem.IsLinux()) return "bubblewrap is Linux-only";
        string? bwrap = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "bwrap")).FirstOrDefault(File.Exists);
        if (bwrap is null) return "bubblewrap (bwrap) not found";
        try
        {
            var start = new ProcessStartInfo(bwrap) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { "--ro-bind", "/", "/", "--dev", "/dev", "--unshare-net", "--unshare-pid", "--die-with-parent", "true" }) start.ArgumentList.Add(a);
            using var probe = Process.Start(start)!;
            string error = probe.StandardError.ReadToEnd();
            if (!probe.WaitForExit(10_000)) { probe.Kill(); return "bubblewrap did not answer"; }
            return probe.ExitCode == 0 ? null : $"bubblewrap cannot create namespaces here: {error.Trim()}";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"bubblewrap failed to start: {e.Message}";
        }
    }
}
