using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Execution;

namespace CourseCompanion.Notebooks.Tests;

public class ExecutorTests
{
    [Fact]
    public async Task State_carries_across_cells_and_a_trailing_expression_is_an_execute_result()
    {
        var nb = await ScratchNotebook.RunAsync("var x = 40;", "int Twice(int v) => 2 * v;", "Twice(x) + 2 - x", "x++;");
        Assert.True(nb.Run.Passed);
        var result = nb.Output(2, 0);
        Assert.Equal("execute_result", (string)result["output_type"]!);
        Assert.Equal("42", (string)result["data"]!["text/plain"]!);
        Assert.Equal(3, (int)result["execution_count"]!);
        Assert.Equal([1, 2, 3, 4], nb.Notebook.Cells.Select(c => c.ExecutionCount!.Value));
        Assert.Empty(nb.Outputs(3));
    }

    [Fact]
    public async Task Default_usings_are_those_of_the_polyglot_csharp_kernel()
    {
        var nb = await ScratchNotebook.RunAsync(
            "var sb = new StringBuilder(); var list = new List<int> { 3, 1, 2 }; sb.Append(string.Join(',', list.OrderBy(v => v)));",
            "await Task.Delay(1); Path.GetFileName(\"a/b.txt\") + sb + Encoding.UTF8.WebName");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.Equal("b.txt1,2,3utf-8", (string)nb.Output(1, 0)["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task Stdout_and_stderr_are_captured_per_cell_as_streams()
    {
        var nb = await ScratchNotebook.RunAsync(
            "Console.WriteLine(\"one\"); Console.Write(\"two\"); Console.Error.WriteLine(\"warn\"); Console.WriteLine();",
            "Console.WriteLine(\"second cell\");");
        Assert.Equal("one\ntwo\n", nb.Stream(0, "stdout"));
        Assert.Equal("warn\n", nb.Stream(0, "stderr"));
        Assert.Equal("second cell\n", nb.Stream(1, "stdout"));
    }

    [Fact]
    public async Task A_compile_error_names_cell_relative_lines_and_stops_the_run()
    {
        var nb = await ScratchNotebook.RunAsync("var ok = 1;", "var a = 1;\nvar b = undefinedName;", "Console.WriteLine(\"never\");");
        var failure = Assert.Single(nb.Run.Failures);
        Assert.Equal(1, failure.CellIndex);
        var error = nb.Output(1, 0);
        Assert.Equal("error", (string)error["output_type"]!);
        Assert.Equal("CompilationError", (string)error["ename"]!);
        Assert.StartsWith("(2,9): error CS0103:", (string)error["evalue"]!);
        Assert.Empty(nb.Outputs(2));
        Assert.Null(nb.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task A_runtime_error_gives_ename_evalue_and_traceback_and_earlier_state_survives_raises_exception()
    {
        var nb = await ScratchNotebook.RunAsync(
            "var kept = 5;",
            "// raises-exception\nkept = 6;\nthrow new InvalidOperationException(\"boom\");",
            "kept");
        Assert.True(nb.Run.Passed);
        var error = nb.Output(1, 0);
        Assert.Equal("System.InvalidOperationException", (string)error["ename"]!);
        Assert.Equal("boom", (string)error["evalue"]!);
        Assert.StartsWith("System.InvalidOperationException: boom", (string)error["traceback"]![0]!);
        Assert.Equal("6", (string)nb.Output(2, 0)["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task An_untagged_runtime_error_fails_the_run_naming_the_cell()
    {
        var nb = await ScratchNotebook.RunAsync("throw new ArgumentException(\"bad\");");
        var failure = Assert.Single(nb.Run.Failures);
        Assert.Equal(0, failure.CellIndex);
        Assert.Contains("System.ArgumentException: bad", failure.Error);
    }

    [Fact]
    public async Task Display_and_update_replace_the_stored_output_even_from_a_later_cell()
    {
        var nb = await ScratchNotebook.RunAsync(
            "var handle = display(\"first\");\n\"shown\".Display();",
            "handle.Update(\"updated\");");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.Equal(2, nb.Outputs(0).Count);
        Assert.Equal("display_data", (string)nb.Output(0, 0)["output_type"]!);
        Assert.Equal("updated", (string)nb.Output(0, 0)["data"]!["text/plain"]!);
        Assert.Equal("shown", (string)nb.Output(0, 1)["data"]!["text/plain"]!);
        Assert.Empty(nb.Outputs(1));
    }

    [Fact]
    public async Task Collections_print_readably()
    {
        var nb = await ScratchNotebook.RunAsync("new[] { 1.5, 2 }", "new Dictionary<string, int> { [\"a\"] = 1 }", "(object?)null");
        Assert.Equal("[ 1.5, 2 ]", (string)nb.Output(0, 0)["data"]!["text/plain"]!);
        Assert.Equal("{ \"a\": 1 }", (string)nb.Output(1, 0)["data"]!["text/plain"]!);
        Assert.Equal("<null>", (string)nb.Output(2, 0)["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task Magics_select_csharp_skip_markdown_accept_i_and_time_reports_wall_time()
    {
        var nb = await ScratchNotebook.RunAsync(
            "#!csharp\n#i \"nuget: https://example.org/feed\"\n1 + 1",
            "#!markdown\n# not code",
            "#!C#\n#!time\nConsole.WriteLine(\"timed\");",
            "#!fsharp\nlet x = 1");
        Assert.Equal("2", (string)nb.Output(0, 0)["data"]!["text/plain"]!);
        Assert.Null(nb.Notebook.Cells[1].ExecutionCount);
        Assert.Matches(@"^timed\nWall time: [0-9.]+ms\n$", nb.Stream(2, "stdout"));
        Assert.Equal(3, nb.Notebook.Cells[3].ExecutionCount);
        Assert.Contains("fsharp", Assert.Single(nb.Run.Failures).Error);
    }

    [Fact]
    public async Task A_nuget_reference_missing_from_the_cache_fails_with_a_clear_message()
    {
        var nb = await ScratchNotebook.RunAsync("#r \"nuget: No.Such.Package.Anywhere, 1.2.3\"\n1");
        var failure = Assert.Single(nb.Run.Failures);
        Assert.Contains("No.Such.Package.Anywhere 1.2.3 is not in the local NuGet cache", failure.Error);
    }

    [Fact]
    public async Task A_nuget_reference_in_the_cache_resolves()
    {
        // xunit.assert is in the cache because this test project restored it.
        var nb = await ScratchNotebook.RunAsync("#r \"nuget: xunit.assert, 2.9.3\"\nXunit.Assert.Equal(1, 1); typeof(Xunit.Assert).Assembly.GetName().Name");
        Assert.True(nb.Run.Passed, string.Join("; ", nb.Run.Failures));
        Assert.Equal("xunit.assert", (string)nb.Output(0, 0)["data"]!["text/plain"]!);
    }

    [Fact]
    public async Task Written_notebooks_are_valid_against_the_nbformat_schema()
    {
        var nb = await ScratchNotebook.RunAsync(
            "Console.WriteLine(\"out\"); display(1);",
            "// raises-exception\nthrow new Exception(\"x\");",
            "\"value\"");
        Assert.Equal("", JupyterNbformat.ValidationError(nb.Path));
        Assert.Equal(JupyterNbformat.RoundTrip(nb.Path), File.ReadAllText(nb.Path));
    }
}
