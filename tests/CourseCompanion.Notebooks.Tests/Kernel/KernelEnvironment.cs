using System.Diagnostics;

namespace CourseCompanion.Notebooks.Tests.Kernel;

/// <summary>
/// The companion CLI built beside these tests, its kernelspec installed once into a private prefix (found through JUPYTER_PATH),
/// and the Debian Python tools (python3-jupyter-client, jupyter-nbconvert) that drive it as real Jupyter clients.
/// A missing tool fails the test with what to install; it never skips.
/// </summary>
internal static class KernelEnvironment
{
    public const string Python = "/usr/bin/python3";
    public const string KernelName = "coursecompanion-tests";
    private static readonly Lazy<string> Prefix = new(InstallKernel);

    /// <summary>The repository root (the folder holding CourseCompanion.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>companion.dll of the same configuration as this test assembly.</summary>
    public static string CompanionDll
    {
        get
        {
            string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            string dll = Path.Combine(RepositoryRoot, "lib", "Companion.Cli", "bin", configuration, "net10.0", "companion.dll");
            if (!File.Exists(dll)) Assert.Fail($"the companion CLI is not built: {dll}");
            return dll;
        }
    }

    /// <summary>The JUPYTER_PATH under which the test kernelspec is installed.</summary>
    public static string JupyterPath => Path.Combine(Prefix.Value, "share", "jupyter");

    /// <summary>Runs a process to the end with JUPYTER_PATH set; returns exit code and both outputs.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string file, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (file.StartsWith('/') && !File.Exists(file))
            Assert.Fail($"{file} is missing: install the Debian packages of scripts/install-deps.sh (python3-jupyter-client, jupyter-nbconvert)");
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["JUPYTER_PATH"] = JupyterPath;
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s\n{stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        string err = stderr.Result;
        foreach (var module in new[] { "jupyter_client", "zmq", "nbformat", "nbconvert", "nbclient" })
        {
            if (err.Contains($"No module named '{module}'"))
                Assert.Fail($"Python's {module} is missing: install python3-jupyter-client and jupyter-nbconvert (apt; scripts/install-deps.sh)");
        }
        return (process.ExitCode, stdout.Result, err);
    }

    private static string InstallKernel()
    {
        string prefix = Path.Combine(Path.GetTempPath(), "cc-kernel-tests", Guid.NewGuid().ToString("N")[..12]);
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { CompanionDll, "kernel", "install", "--prefix", prefix, "--name", KernelName }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"companion kernel install failed: {error}");
        return prefix;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CourseCompanion.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("CourseCompanion.sln not found above " + AppContext.BaseDirectory);
    }
}
