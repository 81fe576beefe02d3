using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Execution;

namespace CourseCompanion.Notebooks.Tests.Kernel;

/// <summary>What the kernel asks of the worker beyond <c>companion run</c>: completion, inspection, input, and interrupting by kill.</summary>
public class KernelWorkerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Completion_and_inspection_see_the_state_of_earlier_cells()
    {
        await using var worker = await NotebookWorker.StartAsync(new WorkerOptions(Fixture.NewFolder()));
        await worker.ExecuteAsync("/// <summary>Twice the input.</summary>\nint Twice(int v) => 2 * v;\nvar losses = new List<double>();", null, 1, _ => { }, Limit);
        var scope = await worker.CompleteAsync("#!time\nTw", 9);
        Assert.Equal((7, 9), (scope.Start, scope.End));
        Assert.Contains("Twice", scope.Matches);
        var members = await worker.CompleteAsync("losses.Cou", 10);
        Assert.Contains("Count", members.Matches);   // the property, and LINQ's CountBy extension
        Assert.All(members.Matches, m => Assert.StartsWith("Cou", m));
        string? own = await worker.InspectAsync("Twice(3)", 1);
        Assert.Equal("Twice(int)\n\nTwice the input.", own);
        Assert.Null(await worker.InspectAsync("", 0));
        var run = await worker.ExecuteAsync("Twice(losses.Count + 2)", null, 2, _ => { }, Limit);
        Assert.Equal(CellStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task Console_ReadLine_asks_only_when_stdin_is_allowed()
    {
        await using var worker = await NotebookWorker.StartAsync(new WorkerOptions(Fixture.NewFolder()));
        var outputs = new List<JsonObject>();
        NotebookWorker? self = worker;
        var run = await worker.ExecuteAsync("var a = Console.ReadLine(); var b = Console.ReadLine(); Console.WriteLine(a + \"+\" + b);", null, 1, e =>
        {
            if (e is InputRequested) _ = self.SendInputAsync("typed");
            if (e is OutputProduced produced) outputs.Add(produced.Output);
        }, Limit, allowStdin: true);
        Assert.Equal(CellStatus.Succeeded, run.Status);
        Assert.Equal("typed+typed\n", (string)outputs.Single()["text"]!);
        outputs.Clear();
        await worker.ExecuteAsync("Console.ReadLine() is null", null, 2, e => outputs.Add(((OutputProduced)e).Output), Limit);
        Assert.Equal("True", (string)outputs.Single()["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task Cancelling_a_runaway_cell_then_Kill_ends_the_worker()
    {
        await using var worker = await NotebookWorker.StartAsync(new WorkerOptions(Fixture.NewFolder()));
        using var interrupt = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            worker.ExecuteAsync("while (true) { }", null, 1, _ => { }, Timeout.InfiniteTimeSpan, allowStdin: false, interrupt.Token));
        worker.Kill();
        Assert.False(worker.IsAlive);
    }
}
