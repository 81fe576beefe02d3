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
/// and answers with outputs on stdout (<see cref="WorkerProtocol"/>). Console output of cells is captured as streams; Console.In is
/// empty unless the request allows stdin (a kernel client), then it asks the parent for each line. Completion and inspection
/// requests are answered between cells.
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
        var input = new KernelInput(prompt =>
        {
            stdout.Flush();
            stderr.Flush();
            Send(WorkerProtocol.InputRequest(prompt, password: false));
        });
        Console.SetIn(input);
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
        // Input replies must reach a cell blocked in Console.ReadLine, so stdin is read apart from the request loop.
        var requests = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
        _ = Task.Run(async () =>
        {
            while (await protocolIn.ReadLineAsync() is { } line)
            {
                var message = JsonNode.Parse(line)!.AsObject();
                if ((string?)message["type"] == "input_reply") input.Reply((string?)message["value"]);
                else await requests.Writer.WriteAsync(message);
            }
            input.Complete();
            requests.Writer.Complete();
        });
        Send(WorkerProtocol.Ready());
        await foreach (var request in requests.Reader.ReadAllAsync())
        {
            switch ((string?)request["type"])
            {
                case "complete":
                    Send(Insight(() =>
                    {
                        var completion = CodeInsight.Complete(session.CompileInContext((string)request["code"]!), (int)request["cursor"]!);
                        return WorkerProtocol.Completions(completion.Start, completion.End, completion.Matches);
                    }, WorkerProtocol.Completions((int)request["cursor"]!, (int)request["cursor"]!, [])));
                    break;
                case "inspect":
                    Send(Insight(() => WorkerProtocol.Inspection(
                        CodeInsight.Inspect(session.CompileInContext((string)request["code"]!), (int)request["cursor"]!)), WorkerProtocol.Inspection(null)));
                    break;
                default:
                    input.Allowed = (bool?)request["allowStdin"] ?? false;
                    var error = await RunCellAsync(session, request, stdout);
                    input.Allowed = false;
                    stdout.Flush();
                    stderr.Flush();
                    if (error is not null) Send(WorkerProtocol.Output(error, null));
                    Send(WorkerProtocol.Done(failed: error is not null));
                    break;
            }
        }
        return 0;

        // Completion and inspection are conveniences: a Roslyn failure gives an empty answer, never a dead worker.
        static JsonObject Insight(Func<JsonObject> answer, JsonObject empty)
        {
            try { return answer(); }
            catch (Exception e) when (e is not OutOfMemoryException) { return empty; }
        }

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
