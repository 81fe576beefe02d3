using CourseCompanion.Tensors.Kernels;

namespace CourseCompanion.Tests.Kernels;

/// <summary>The fork–join team: every iteration runs once, nested loops finish inline, and a failure reaches the caller.</summary>
public class TeamTests
{
    [Fact]
    public void Every_iteration_runs_exactly_once()
    {
        for (int round = 0; round < 200; round++)
        {
            var hits = new int[37];
            Team.For(hits.Length, i => Interlocked.Increment(ref hits[i]));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
    }

    [Fact]
    public void A_loop_inside_a_loop_completes()
    {
        var sums = new long[8];
        Team.For(sums.Length, i => Team.For(100, j => Interlocked.Add(ref sums[i], j)));
        Assert.All(sums, s => Assert.Equal(4950, s));
    }

    [Fact]
    public void Loops_from_several_threads_at_once_all_complete()
    {
        var totals = new long[4];
        Parallel.For(0, totals.Length, t =>
        {
            for (int round = 0; round < 50; round++) Team.For(16, i => Interlocked.Add(ref totals[t], i));
        });
        Assert.All(totals, s => Assert.Equal(50 * 120, s));
    }

    [Fact]
    public void An_exception_in_an_iteration_reaches_the_caller_after_the_others_finish()
    {
        int finished = 0;
        var error = Assert.Throws<InvalidOperationException>(() => Team.For(10, i =>
        {
            if (i == 3) throw new InvalidOperationException("iteration 3");
            Interlocked.Increment(ref finished);
        }));
        Assert.Equal("iteration 3", error.Message);
        Assert.Equal(9, finished);
        int after = 0;
        Team.For(5, _ => Interlocked.Increment(ref after));
        Assert.Equal(5, after);
    }
}
