namespace CourseCompanion.Notebooks.Tests.Kernel;

/// <summary>
/// The kernel driven by Jupyter's own client library (python3-jupyter-client, the protocol layer VS Code's and JupyterLab's
/// kernels sit on): each check in kernel_protocol.py starts the kernel from its kernelspec and talks to it over ZeroMQ.
/// </summary>
public class KernelProtocolTests
{
    [Theory]
    [InlineData("kernel_info")]
    [InlineData("outputs")]
    [InlineData("errors")]
    [InlineData("completion")]
    [InlineData("inspect")]
    [InlineData("is_complete")]
    [InlineData("interrupt")]
    [InlineData("restart")]
    [InlineData("shutdown")]
    [InlineData("bad_signature")]
    [InlineData("garbage")]
    [InlineData("heartbeat")]
    [InlineData("stdin")]
    [InlineData("comm_and_history")]
    public void Jupyter_client_check(string check)
    {
        string script = Path.Combine(KernelEnvironment.RepositoryRoot, "tests", "CourseCompanion.Notebooks.Tests", "Kernel", "kernel_protocol.py");
        var (exitCode, stdout, stderr) = KernelEnvironment.Run(KernelEnvironment.Python, [script, check, KernelEnvironment.KernelName], TimeSpan.FromMinutes(4));
        Assert.True(exitCode == 0, $"{stdout}\n{stderr}");
        Assert.Contains($"ok {check}", stdout);
    }
}
