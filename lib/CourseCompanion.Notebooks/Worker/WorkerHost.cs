using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Format;
using CourseCompanion.Notebooks.Scripting;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>
/// The worker process's main loop: reads <c>execute</c> requests from stdin, runs each cell in one <see cref="ScriptSession"/>,
/// and answers with outputs on stdout (<see cref="WorkerProtocol"/>). Console output of cells is captured as streams; stdin is empty.
/// </summary>
public static class WorkerHost
{
    /// <summary>Runs until stdin closes. <paramref name="args"/>[0] is the notebook's folder (the working directory for cells).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        string directory = Path.GetFullPath(args.Length > 0 ? args[0] : Environment.CurrentDirectory);
        Directory.SetCurrentDirectory(directory);
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        var protocolOut = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var protocolIn = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var sendGate = new Lock();
        void Send(JsonObject message)
        {
            lock (sendGate) protocolOut.WriteLine(message.ToJsonString());
        }

        var stdout = new StreamCapture("stdout", (name, text) => Send(WorkerProtocol.Output(Outputs.Stream(name, text), null)));
        var stderr = new StreamCapture("stderr", (name, text) => Send(WorkerProtocol.Output(Outputs.Stream(name, text), null)));
        Console.SetOut(stdout);
        Console.SetError(stderr);
        Console.SetIn(TextReader.Null);
        DisplayChannel.Updated = (id, value) => Send(WorkerProtocol.Update(id, Outputs.DisplayData(MimeBundle.For(value))));

        var session = new ScriptSession(directory);
        DisplayChannel.Shown = (_, _) => { };
        await session.WarmUpAsync();
        DisplayChannel.Shown = (id, value) =>
        {
            stdout.Flush();
            stderr.Flush();
            Send(WorkerProtocol.Output(Outputs.DisplayData(MimeBundle.For(value)), id));
        };
        Send(WorkerProtocol.Ready());
        while (await protocolIn.ReadLineAsync() is { } line)
        {
            var request = JsonNode.Parse(line)!.AsObject();
            var error = await RunCellAsync(session, request, stdout);
            stdout.Flush();
            stderr.Flush();
            if (error is not null) Send(WorkerProtocol.Output(error, null));
            Send(WorkerProtocol.Done(failed: error is not null));
        }
        return 0;

        async Task<JsonObject?> RunCellAsync(ScriptSession session, JsonObject request, StreamCapture stdout)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var script = CellMagics.Parse((string)request["source"]!, (string?)request["kernel"]);
                if (script.Kernel == "markdown" || script.IsBlank) return null;
                if (script.Kernel != PolyglotMetadata.CSharpKernel)
                    return ScriptOutcome.ErrorOutput("KernelNotAvailable", $"the '{script.Kernel}' kernel is not available here; only C# cells run", []);
                var assemblies = script.Packages.SelectMany(PackageCache.Resolve).ToList();
                var outcome = await session.RunAsync(script.Code, assemblies);
                if (outcome.Error is not null) return outcome.Error;
                if (outcome.HasValue)
                {
                    stdout.Flush();
                    Send(WorkerProtocol.Output(Outputs.ExecuteResult(MimeBundle.For(outcome.Value), (int)request["executionCount"]!), null));
                }
                if (script.Timed)
                    Console.Out.Write(FormattableString.Invariant($"Wall time: {watch.Elapsed.TotalMilliseconds:0.###}ms\n"));
                return null;
            }
            catch (Exception e) when (e is CellMagicException or InvalidOperationException)
            {
                return ScriptOutcome.ErrorOutput(e is CellMagicException ? "MagicCommandError" : "PackageNotFound", e.Message, [e.Message]);
            }
            catch (Exception e)
            {
                return ScriptOutcome.Thrown(e).Error;
            }
        }
    }

}
