using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Grading;

namespace CourseCompanion.Notebooks.Tests;

public class IsolationTests
{
    private static readonly RunOptions ShortCells = new() { CellTimeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task An_infinite_loop_times_out_against_its_cell_and_the_run_stops()
    {
        var nb = await ScratchNotebook.RunAsync(Fixture.NewFolder(), ShortCells, "var before = 1;", "while (true) { }", "Console.WriteLine(\"after\");");
        var failure = Assert.Single(nb.Run.Failures);
        Assert.Equal(1, failure.CellIndex);
        Assert.Contains("time limit of 5 s", failure.Error);
        Assert.Equal("CellTimeout", (string)nb.Output(1, 0)["ename"]!);
        Assert.Empty(nb.Outputs(2));
    }

    [Fact]
    public async Task The_notebook_time_limit_stops_a_run_of_slow_cells()
    {
        var options = new RunOptions { CellTimeout = TimeSpan.FromSeconds(30), NotebookTimeout = TimeSpan.FromSeconds(8) };
        var nb = await ScratchNotebook.RunAsync(Fixture.NewFolder(), options, "Thread.Sleep(3000);", "Thread.Sleep(3000);", "Thread.Sleep(3000);", "Thread.Sleep(3000);");
        Assert.Contains("notebook exceeded its time limit", Assert.Single(nb.Run.Failures).Error);
    }

    [Fact]
    public async Task A_stack_overflow_is_reported_against_its_cell()
    {
        var nb = await ScratchNotebook.RunAsync("int Down(int n) => Down(n + 1) + 1;", "Down(0)", "1");
        var failure = Assert.Single(nb.Run.Failures);
        Assert.Equal(1, failure.CellIndex);
        Assert.Contains("Stack overflow", failure.Error);
        Assert.Equal("WorkerLost", (string)nb.Output(1, 0)["ename"]!);
        Assert.Null(nb.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task Environment_exit_is_reported_against_its_cell_and_other_notebooks_go_on()
    {
        var exiting = await ScratchNotebook.RunAsync("Console.WriteLine(\"bye\"); Environment.Exit(3);", "2");
        var failure = Assert.Single(exiting.Run.Failures);
        Assert.Contains("exit code 3", failure.Error);
        var next = await ScratchNotebook.RunAsync("1 + 1");
        Assert.True(next.Run.Passed);
    }

    [Fact]
    public async Task A_cell_cannot_read_the_protocol_from_stdin()
    {
        var nb = await ScratchNotebook.RunAsync("Console.ReadLine() ?? \"no input\"", "3");
        Assert.True(nb.Run.Passed);
        Assert.Equal("no input", (string)nb.Output(0, 0)["data"]!["text/plain"]!);
        Assert.Equal("3", (string)nb.Output(1, 0)["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task The_memory_cap_turns_a_runaway_allocation_into_an_error()
    {
        var options = new RunOptions { MemoryLimitBytes = 256L << 20 };
        var nb = await ScratchNotebook.RunAsync(Fixture.NewFolder(), options, "// raises-exception\nvar big = new byte[1L << 30];", "\"alive\"");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.Equal("System.OutOfMemoryException", (string)nb.Output(0, 0)["ename"]!);
        Assert.Equal("alive", (string)nb.Output(1, 0)["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task A_sandboxed_worker_outlives_the_thread_that_started_it()
    {
        if (!Sandbox.BubblewrapWorks) return; // without bubblewrap there is no parent-death signal to get wrong
        string folder = Fixture.NewFolder();
        var options = new WorkerOptions(folder);
        var isolation = Sandbox.For(SandboxMode.Bubblewrap, folder, hidden: [], readOnly: [Path.GetDirectoryName(options.ResolvedWorkerAssembly)!]);
        NotebookWorker? worker = null;
        Exception? failure = null;
        var starter = new Thread(() =>
        {
            try { worker = NotebookWorker.StartAsync(options with { Wrapper = isolation.Wrapper }).GetAwaiter().GetResult(); }
            catch (Exception e) { failure = e; }
        });
        starter.Start();
        starter.Join();
        Assert.Null(failure);
        await using var started = worker!;
        await Task.Delay(500);
        var run = await started.ExecuteAsync("1 + 1", null, 1, _ => { }, TimeSpan.FromSeconds(30));
        Assert.Equal(CellStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task A_worker_trains_with_the_training_runtime_settings()
    {
        var nb = await ScratchNotebook.RunAsync(
            "Environment.GetEnvironmentVariable(\"DOTNET_GCgen0size\")",
            "AppContext.GetData(\"System.GC.LOHThreshold\")?.ToString()",
            "AppContext.GetData(\"System.Runtime.TieredPGO\")?.ToString()");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.Equal(TrainingProcess.Environment["DOTNET_GCgen0size"], (string)nb.Output(0, 0)["data"]!["text/plain"]!);
        Assert.Equal("67108864", (string)nb.Output(1, 0)["data"]!["text/plain"]!);
        Assert.Equal("false", (string)nb.Output(2, 0)["data"]!["text/plain"]!);
    }
}
