using System.Diagnostics;

namespace CourseCompanion.Notebooks.Tests;

/// <summary>Jupyter's own nbformat (Python), called through /usr/bin/python3 as the reference for bytes and schema validity.</summary>
internal static class JupyterNbformat
{
    private const string Python = "/usr/bin/python3";

    /// <summary>What <c>nbformat.write(nbformat.read(path, 4))</c> writes.</summary>
    public static string RoundTrip(string path) => Run(
        "import nbformat, sys; nb = nbformat.read(sys.argv[1], 4); nbformat.write(nb, sys.stdout)", path);

    /// <summary>Validates against the official schema; returns "" when valid, else the validation error.</summary>
    public static string ValidationError(string path) => Run(
        """
        import nbformat, sys
        try:
            nbformat.validate(nbformat.read(sys.argv[1], 4))
        except nbformat.ValidationError as e:
            print(str(e).splitlines()[0])
        """, path);

    private static string Run(string script, string path)
    {
        if (!File.Exists(Python)) Assert.Fail($"{Python} is missing: install python3 and python3-nbformat to run the nbformat comparison tests");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (stderr.Contains("No module named 'nbformat'"))
            Assert.Fail("Python's nbformat is missing: install python3-nbformat (apt) to run the nbformat comparison tests");
        if (process.ExitCode != 0) Assert.Fail($"python3 nbformat failed on {path}: {stderr}");
        return stdout.Result;
    }
}
