using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CourseCompanion.Notebooks.Execution;
using CourseCompanion.Notebooks.Zmtp;
using Microsoft.CodeAnalysis.CSharp;

namespace CourseCompanion.Notebooks.Kernel;

/// <summary>Where the kernel's cells run and where it writes its log.</summary>
/// <param name="WorkingDirectory">The folder cells run in (Jupyter starts kernels in the notebook's folder).</param>
public sealed record KernelOptions(string WorkingDirectory, TextWriter Log, long MemoryLimitBytes = 4L << 30, string? WorkerAssembly = null);

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) for C# cells. Cells run in a <see cref="NotebookWorker"/>, the process
/// <c>companion run</c> uses, so magics, display and rich output are the same either way; this class only translates between
/// Jupyter messages and the worker's <see cref="CellEvent"/>s. Shell requests are handled one at a time; control (interrupt,
/// shutdown) has its own loop so it is heard while a cell runs. Interrupting a cell kills the worker and starts a fresh one.
/// </summary>
public sealed class JupyterKernel : IAsyncDisposable
{
    private const int RememberedSignatures = 1 << 14;
    private readonly ConnectionFile _connection;
    private readonly KernelOptions _options;
    private readonly MessageSigner _signer;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly RouterSocket _shell, _control, _stdin;
    private readonly PublisherSocket _iopub;
    private readonly ReplySocket _heartbeat;
    private readonly Channel<JupyterMessage> _iopubQueue = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<bool> _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HashSet<string> _seenSignatures = [];
    private readonly Queue<string> _signatureOrder = new();
    private readonly Lock _executionGate = new();
    private Task<NotebookWorker> _worker;
    private CancellationTokenSource? _runningCell;
    private TaskCompletionSource<string?>? _pendingInput;
    private int _executionCount;
    private Task[] _loops = [];

    public JupyterKernel(ConnectionFile connection, KernelOptions options)
    {
        _connection = connection;
        _options = options;
        _signer = new MessageSigner(connection.Key);
        Action<string> log = Log;
        _shell = new RouterSocket(log);
        _control = new RouterSocket(log);
        _stdin = new RouterSocket(log);
        _iopub = new PublisherSocket(log);
        _heartbeat = new ReplySocket(frames => frames, log);
        _worker = StartWorkerAsync();
    }

    /// <summary>Completes when a client asked the kernel to shut down (with or without restart: the client starts a new process).</summary>
    public Task<bool> Shutdown => _shutdown.Task;

    /// <summary>Binds the five sockets to the connection file's address (and nothing else) and starts serving.</summary>
    public void Start()
    {
        var address = IPAddress.Parse(_connection.Ip == "localhost" ? "127.0.0.1" : _connection.Ip);
        _shell.Bind(address, _connection.ShellPort);
        _control.Bind(address, _connection.ControlPort);
        _stdin.Bind(address, _connection.StdinPort);
        _iopub.Bind(address, _connection.IopubPort);
        _heartbeat.Bind(address, _connection.HeartbeatPort);
        _loops = [Task.Run(() => ServeAsync(_shell, isControl: false)), Task.Run(() => ServeAsync(_control, isControl: true)),
            Task.Run(ServeStdinAsync), Task.Run(PublishAsync)];
        Log($"listening on {_connection.Ip} (shell {_shell.Port}, iopub {_iopub.Port}, stdin {_stdin.Port}, control {_control.Port}, hb {_heartbeat.Port})");
    }

    public async ValueTask DisposeAsync()
    {
        _iopubQueue.Writer.TryComplete();
        await Task.WhenAny(Task.WhenAll(_loops.Skip(3)), Task.Delay(2000));
        try { await (await _worker).DisposeAsync(); } catch (Exception) { }
        await _shell.DisposeAsync();
        await _control.DisposeAsync();
        await _stdin.DisposeAsync();
        await _iopub.DisposeAsync();
        await _heartbeat.DisposeAsync();
    }

    private Task<NotebookWorker> StartWorkerAsync() =>
        NotebookWorker.StartAsync(new WorkerOptions(_options.WorkingDirectory, _options.MemoryLimitBytes, _options.WorkerAssembly));

    private void Log(string line)
    {
        lock (_options.Log) _options.Log.WriteLine($"[companion kernel] {line}");
    }

    private async Task ServeAsync(RouterSocket socket, bool isControl)
    {
        while (!_shutdown.Task.IsCompleted)
        {
            var frames = await socket.ReceiveAsync();
            if (Receive(frames, isControl ? "control" : "shell") is not { } request) continue;
            try { await HandleAsync(socket, request, isControl); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Log($"{request.Type} failed: {e}");
            }
        }
    }

    /// <summary>Decodes and verifies a message; unsigned, wrongly signed or replayed messages are logged and dropped.</summary>
    private JupyterMessage? Receive(IReadOnlyList<byte[]> frames, string channel)
    {
        var message = JupyterMessage.Decode(frames, _signer, out var problem);
        if (message is null)
        {
            Log($"ignored a message on {channel}: {problem}");
            return null;
        }
        if (_signer.Enabled)
        {
            string signature = Encoding.ASCII.GetString(frames[message.Identities.Count + 1]);
            lock (_seenSignatures)
            {
                if (!_seenSignatures.Add(signature))
                {
                    Log($"ignored a message on {channel}: replayed signature");
                    return null;
                }
                _signatureOrder.Enqueue(signature);
                if (_signatureOrder.Count > RememberedSignatures) _seenSignatures.Remove(_signatureOrder.Dequeue());
            }
        }
        return message;
    }

    private async Task HandleAsync(RouterSocket socket, JupyterMessage request, bool isControl)
    {
        Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        try
        {
            switch (request.Type)
            {
                case "kernel_info_request":
                    await ReplyAsync(socket, request, "kernel_info_reply", KernelInfo());
                    break;
                case "execute_request" when !isControl:
                    await ExecuteAsync(socket, request);
                    break;
                case "is_complete_request":
                    await ReplyAsync(socket, request, "is_complete_reply", IsComplete((string?)request.Content["code"] ?? ""));
                    break;
                case "complete_request":
                    await ReplyAsync(socket, request, "complete_reply", await CompleteAsync(request.Content));
                    break;
                case "inspect_request":
                    await ReplyAsync(socket, request, "inspect_reply", await InspectAsync(request.Content));
                    break;
                case "comm_info_request":
                    await ReplyAsync(socket, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "history_request":
                    await ReplyAsync(socket, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                    break;
                case "interrupt_request":
                    Interrupt();
                    await ReplyAsync(socket, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    bool restart = (bool?)request.Content["restart"] ?? false;
                    var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
                    await ReplyAsync(socket, request, "shutdown_reply", content);
                    Publish("shutdown_reply", content.DeepClone().AsObject(), request);
                    Interrupt();
                    _shutdown.TrySetResult(restart);
                    break;
                case "comm_open" or "comm_msg" or "comm_close":
                    break;
                default:
                    Log($"ignored unsupported message type '{request.Type}'");
                    break;
            }
        }
        finally
        {
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
        }
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "coursecompanion",
        ["implementation_version"] = typeof(JupyterKernel).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (CourseCompanion) on .NET {Environment.Version}: Roslyn scripting, the cells of `companion run`",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };

    private async Task ExecuteAsync(RouterSocket socket, JupyterMessage request)
    {
        string code = (string?)request.Content["code"] ?? "";
        bool silent = (bool?)request.Content["silent"] ?? false;
        bool storeHistory = !silent && ((bool?)request.Content["store_history"] ?? true);
        bool allowStdin = (bool?)request.Content["allow_stdin"] ?? false;
        bool stopOnError = (bool?)request.Content["stop_on_error"] ?? true;
        if (storeHistory && Counts(code)) _executionCount++;
        int count = _executionCount;
        if (!silent) Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);

        JsonObject? error = null;
        void Show(JsonObject output)
        {
            if ((string?)output["output_type"] == "error") error = output;
            if (!silent) Publish(OutputMessage(output, out var content), content, request);
        }
        using var interrupt = new CancellationTokenSource();
        lock (_executionGate) _runningCell = interrupt;
        try
        {
            NotebookWorker worker;
            try { worker = await _worker; }
            catch (Exception e) when (e is InvalidOperationException or FileNotFoundException)
            {
                _worker = StartWorkerAsync();
                Show(ErrorOutput("WorkerStartFailed", e.Message, "the kernel will try to start the worker again with the next cell"));
                await ReplyExecuteAsync(socket, request, count, error);
                return;
            }
            CellRun run;
            try
            {
                run = await worker.ExecuteAsync(code, null, count, e => OnCellEvent(e, worker, request, allowStdin, silent, Show),
                    Timeout.InfiniteTimeSpan, allowStdin, interrupt.Token);
            }
            catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
            {
                worker.Kill();
                _ = worker.DisposeAsync().AsTask();
                if (!_shutdown.Task.IsCompleted) _worker = StartWorkerAsync();
                Show(ErrorOutput("Interrupted", "the cell was interrupted",
                    "the kernel stopped the cell by restarting its worker process: all variables, definitions and #r references are lost; run the notebook's cells again from the top"));
                run = new CellRun(CellStatus.Failed, "interrupted");
            }
            if (run.Status is CellStatus.WorkerLost or CellStatus.TimedOut)
            {
                _worker = StartWorkerAsync();
                Show(ErrorOutput("WorkerLost", run.Error ?? "the worker process ended",
                    "a new worker process was started: all variables, definitions and #r references are lost; run the notebook's cells again from the top"));
            }
        }
        finally
        {
            lock (_executionGate) _runningCell = null;
            _pendingInput?.TrySetResult(null);
        }
        // Abort before replying: requests the client sends after seeing this reply must run.
        if (error is not null && stopOnError) await AbortQueuedAsync(socket);
        await ReplyExecuteAsync(socket, request, count, error);
    }

    /// <summary>Blank cells and cells of the Polyglot markdown kernel get no execution count (<c>companion run</c> skips them).</summary>
    private static bool Counts(string code)
    {
        if (string.IsNullOrWhiteSpace(code)) return false;
        try { return CellMagics.Parse(code).Kernel != "markdown"; }
        catch (CellMagicException) { return true; }
    }

    private void OnCellEvent(CellEvent cellEvent, NotebookWorker worker, JupyterMessage request, bool allowStdin, bool silent, Action<JsonObject> show)
    {
        switch (cellEvent)
        {
            case OutputProduced { Output: var output, DisplayId: var id }:
                if (id is not null) output["transient"] = new JsonObject { ["display_id"] = id };
                show(output);
                break;
            case DisplayUpdated { DisplayId: var id, Output: var output } when !silent:
                Publish("update_display_data", new JsonObject
                {
                    ["data"] = output["data"]?.DeepClone(),
                    ["metadata"] = output["metadata"]?.DeepClone() ?? new JsonObject(),
                    ["transient"] = new JsonObject { ["display_id"] = id },
                }, request);
                break;
            case InputRequested { Prompt: var prompt, Password: var password } when allowStdin:
                _ = Task.Run(async () =>
                {
                    string? value = await RequestInputAsync(request, prompt, password);
                    try { await worker.SendInputAsync(value); }
                    catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { }
                });
                break;
        }
    }

    /// <summary>Asks the client on the stdin channel, addressed like the execute request, and waits for its input_reply.</summary>
    private async Task<string?> RequestInputAsync(JupyterMessage request, string prompt, bool password)
    {
        var pending = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingInput = pending;
        var message = JupyterMessage.Create("input_request", new JsonObject { ["prompt"] = prompt, ["password"] = password }, _session, request);
        if (!await _stdin.SendAsync(message.Encode(_signer)))
        {
            Log("input_request: the client has no stdin socket connected; the cell reads end of input");
            return null;
        }
        return await pending.Task;
    }

    private async Task ServeStdinAsync()
    {
        while (!_shutdown.Task.IsCompleted)
        {
            var frames = await _stdin.ReceiveAsync();
            if (Receive(frames, "stdin") is not { } reply) continue;
            if (reply.Type == "input_reply") _pendingInput?.TrySetResult((string?)reply.Content["value"] ?? "");
        }
    }

    private async Task ReplyExecuteAsync(RouterSocket socket, JupyterMessage request, int count, JsonObject? error)
    {
        var content = error is null
            ? new JsonObject { ["status"] = "ok", ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() }
            : new JsonObject
            {
                ["status"] = "error", ["execution_count"] = count,
                ["ename"] = error["ename"]?.DeepClone(), ["evalue"] = error["evalue"]?.DeepClone(), ["traceback"] = error["traceback"]?.DeepClone(),
            };
        await ReplyAsync(socket, request, "execute_reply", content,
            new JsonObject { ["status"] = (string?)content["status"], ["started"] = (string?)request.Header["date"] });
    }

    /// <summary>How long after a failed cell requests still count as queued behind it: a client's back-to-back sends may still be in flight.</summary>
    private static readonly TimeSpan AbortWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>After a failed cell with stop_on_error, execute requests already queued are answered "aborted" (ipykernel's rule).</summary>
    private async Task AbortQueuedAsync(RouterSocket socket)
    {
        var others = new List<JupyterMessage>();
        while (await ReceiveWithinAsync(socket, AbortWindow) is { } frames)
        {
            if (Receive(frames, "shell") is not { } queued) continue;
            if (queued.Type != "execute_request") { others.Add(queued); continue; }
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, queued);
            await ReplyAsync(socket, queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            Publish("status", new JsonObject { ["execution_state"] = "idle" }, queued);
        }
        foreach (var other in others) await HandleAsync(socket, other, isControl: false);
    }

    private static async Task<IReadOnlyList<byte[]>?> ReceiveWithinAsync(RouterSocket socket, TimeSpan window)
    {
        if (socket.TryReceive(out var ready)) return ready;
        using var timeout = new CancellationTokenSource(window);
        try { return await socket.ReceiveAsync(timeout.Token); }
        catch (OperationCanceledException) { return null; }
    }

    private void Interrupt()
    {
        lock (_executionGate) _runningCell?.Cancel();
    }

    private static JsonObject IsComplete(string code)
    {
        var lines = code.Split('\n').Where(l => !l.TrimStart().StartsWith("#!", StringComparison.Ordinal));
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', lines), new CSharpParseOptions(kind: Microsoft.CodeAnalysis.SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree)
            ? new JsonObject { ["status"] = "complete" }
            : new JsonObject { ["status"] = "incomplete", ["indent"] = "    " };
    }

    private async Task<JsonObject> CompleteAsync(JsonObject content)
    {
        string code = (string?)content["code"] ?? "";
        int cursor = Utf16Offset(code, (int?)content["cursor_pos"] ?? code.Length);
        var reply = new JsonObject { ["status"] = "ok", ["matches"] = new JsonArray(), ["cursor_start"] = CodePoints(code, cursor), ["cursor_end"] = CodePoints(code, cursor), ["metadata"] = new JsonObject() };
        if (await IdleWorkerAsync() is not { } worker) return reply;
        var (start, end, matches) = await worker.CompleteAsync(code, cursor);
        reply["matches"] = new JsonArray(matches.Select(m => (JsonNode)m).ToArray());
        reply["cursor_start"] = CodePoints(code, start);
        reply["cursor_end"] = CodePoints(code, end);
        return reply;
    }

    private async Task<JsonObject> InspectAsync(JsonObject content)
    {
        string code = (string?)content["code"] ?? "";
        int cursor = Utf16Offset(code, (int?)content["cursor_pos"] ?? code.Length);
        string? text = await IdleWorkerAsync() is { } worker ? await worker.InspectAsync(code, cursor) : null;
        return new JsonObject
        {
            ["status"] = "ok", ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    private async Task<NotebookWorker?> IdleWorkerAsync()
    {
        try { return await _worker is { IsAlive: true } worker ? worker : null; }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException) { return null; }
    }

    /// <summary>Jupyter counts cursor positions in Unicode code points; .NET strings in UTF-16 units.</summary>
    private static int Utf16Offset(string text, int codePoints)
    {
        int i = 0;
        for (int n = 0; n < codePoints && i < text.Length; n++) i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
        return i;
    }

    private static int CodePoints(string text, int utf16)
    {
        int count = 0;
        for (int i = 0; i < Math.Min(utf16, text.Length); i++) if (!char.IsLowSurrogate(text[i])) count++;
        return count;
    }

    /// <summary>The iopub message type and content for an nbformat output.</summary>
    private static string OutputMessage(JsonObject output, out JsonObject content)
    {
        content = output.DeepClone().AsObject();
        string type = (string)content["output_type"]!;
        content.Remove("output_type");
        return type == "stream" ? "stream" : type;
    }

    private static JsonObject ErrorOutput(string name, string value, string explanation) => new()
    {
        ["output_type"] = "error", ["ename"] = name, ["evalue"] = value, ["traceback"] = new JsonArray($"{name}: {value}", explanation),
    };

    private async Task ReplyAsync(RouterSocket socket, JupyterMessage request, string type, JsonObject content, JsonObject? metadata = null)
    {
        var reply = JupyterMessage.Create(type, content, _session, request, metadata: metadata);
        if (!await socket.SendAsync(reply.Encode(_signer))) Log($"{type}: the client that asked is gone");
    }

    private void Publish(string type, JsonObject content, JupyterMessage parent) =>
        _iopubQueue.Writer.TryWrite(JupyterMessage.Create(type, content, _session, parent,
            identities: [Encoding.ASCII.GetBytes($"kernel.{_session}.{type}")]));

    /// <summary>One writer for iopub keeps messages in the order they were published.</summary>
    private async Task PublishAsync()
    {
        await foreach (var message in _iopubQueue.Reader.ReadAllAsync()) await _iopub.SendAsync(message.Encode(_signer));
    }
}
