namespace CourseCompanion.Notebooks.Tests.Kernel;

/// <summary>
/// `jupyter nbconvert --to notebook --execute` with this kernel gives the outputs `companion run` gives, cell by cell
/// (scripts/compare-kernel.sh; run it on every notebook before a release).
/// </summary>
public class KernelParityTests
{
    [Fact]
    public void Nbconvert_with_the_kernel_matches_companion_run_on_the_parity_fixture()
    {
        string notebook = Path.Combine(Fixture.NewFolder(), "kernel-parity.ipynb");
        File.Copy(Fixture.Path("kernel-parity.ipynb"), notebook);
        string[] notebooks = [notebook, .. CiNotebooks()];
        var (exitCode, stdout, stderr) = KernelEnvironment.Run("bash",
            [Path.Combine(KernelEnvironment.RepositoryRoot, "scripts", "compare-kernel.sh"), .. notebooks], TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["COMPANION"] = $"dotnet {KernelEnvironment.CompanionDll}" });
        Assert.True(exitCode == 0, $"{stdout}\n{stderr}");
        Assert.Contains("10 of 10 code cells have the same outputs", stdout);
    }

    /// <summary>The getting-started notebook and one chapter, once they exist (CI time is shared, the rest is compared by hand).</summary>
    private static IEnumerable<string> CiNotebooks()
    {
        string folder = Path.Combine(KernelEnvironment.RepositoryRoot, "notebooks");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).Take(2);
    }
}
