using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CourseCompanion.Notebooks.Execution;

/// <summary>
/// One worker process holding one notebook's C# state. Feed it cells one at a time with <see cref="ExecuteAsync"/>
/// and receive their outputs as <see cref="CellEvent"/>s while they run; this is what a file run and a kernel share.
/// A cell that times out or kills the process (stack overflow, <c>Environment.Exit</c>) ends this worker: start a new one to go on.
/// </summary>
public sealed class NotebookWorker : IAsyncDisposable
{
    private const int StderrHeadLines = 20;
    private readonly Process _process;
    private readonly Channel<JsonObject?> _messages = Channel.CreateUnbounded<JsonObject?>();
    private readonly Queue<string> _stderrHead = new();
    private readonly Task _stderrPump;

    private NotebookWorker(Process process)
    {
        _process = process;
        _ = Task.Run(PumpStdoutAsync);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    /// <summary>False once the process has died or been stopped.</summary>
    public bool IsAlive { get; private set; } = true;

    /// <summary>Starts a worker and waits until it is ready to run cells.</summary>
    public static async Task<NotebookWorker> StartAsync(WorkerOptions options, CancellationToken cancellationToken = default)
    {
        string assembly = options.ResolvedWorkerAssembly;
        if (!File.Exists(assembly)) throw new FileNotFoundException($"the notebook worker is missing: {assembly}", assembly);
        bool wrapped = options.Wrapper is { Count: > 0 };
        var start = new ProcessStartInfo(wrapped ? options.Wrapper![0] : DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = options.WorkingDirectory,
        };
        if (wrapped)
        {
            foreach (var argument in options.Wrapper!.Skip(1)) start.ArgumentList.Add(argument);
            start.ArgumentList.Add(DotnetHost());
        }
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(options.WorkingDirectory);
        start.Environment["DOTNET_GCHeapHardLimit"] = options.MemoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in TrainingProcess.Environment) start.Environment[name] = value;
        foreach (var (name, value) in options.Environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var worker = new NotebookWorker(await ProcessLauncher.StartAsync(start));
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            if (await worker._messages.Reader.ReadAsync(startup.Token) is { } ready && (string?)ready["type"] == "ready") return worker;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        string why = await worker.DeathNoticeAsync();
        await worker.DisposeAsync();
        throw new InvalidOperationException($"the notebook worker did not start: {why}");
    }

    /// <summary>
    /// Runs one cell's source; outputs arrive through <paramref name="onEvent"/> as they happen. <paramref name="kernel"/> is the cell's
    /// metadata kernel name (null for C#); <paramref name="executionCount"/> labels a trailing value's <c>execute_result</c>.
    /// </summary>
    public Task<CellRun> ExecuteAsync(string source, string? kernel, int executionCount, Action<CellEvent> onEvent,
        TimeSpan timeout, CancellationToken cancellationToken = default) =>
        ExecuteAsync(source, kernel, executionCount, onEvent, timeout, allowStdin: false, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="allowStdin"/> a cell's <c>Console.ReadLine</c> raises <see cref="InputRequested"/> and waits for
    /// <see cref="SendInputAsync"/> (without it, Console.In is empty). Cancelling <paramref name="cancellationToken"/> abandons the
    /// cell with the worker still running it: call <see cref="Kill"/> after.
    /// </summary>
    public async Task<CellRun> ExecuteAsync(string source, string? kernel, int executionCount, Action<CellEvent> onEvent,
        TimeSpan timeout, bool allowStdin, CancellationToken cancellationToken = default)
    {
        if (!IsAlive) throw new InvalidOperationException("this worker has stopped; start a new one");
        await SendAsync(WorkerProtocol.Execute(source, kernel, executionCount, allowStdin), cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        string? error = null;
        while (true)
        {
            JsonObject? message;
            try { message = await _messages.Reader.ReadAsync(limit.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Stop();
                return new CellRun(CellStatus.TimedOut,
                    FormattableString.Invariant($"the cell exceeded its time limit of {timeout.TotalSeconds:0.#} s; the worker was stopped"));
            }
            if (message is null)
            {
                IsAlive = false;
                return new CellRun(CellStatus.WorkerLost, await DeathNoticeAsync());
            }
            switch ((string?)message["type"])
            {
                case "output":
                    var output = message["output"]!.AsObject();
                    message.Remove("output");
                    if ((string?)output["output_type"] == "error") error = $"{output["ename"]}: {output["evalue"]}";
                    onEvent(new OutputProduced(output, (string?)message["displayId"]));
                    break;
                case "update":
                    var updated = message["output"]!.AsObject();
                    message.Remove("output");
                    onEvent(new DisplayUpdated((string)message["displayId"]!, updated));
                    break;
                case "input_request":
                    onEvent(new InputRequested((string?)message["prompt"] ?? "", (bool?)message["password"] ?? false));
                    break;
                case "done":
                    return (bool)message["failed"]! ? new CellRun(CellStatus.Failed, error) : new CellRun(CellStatus.Succeeded, null);
            }
        }
    }

    /// <summary>Answers an <see cref="InputRequested"/>: the line the cell's Console.ReadLine returns (null: end of input).</summary>
    public Task SendInputAsync(string? value, CancellationToken cancellationToken = default) =>
        SendAsync(WorkerProtocol.InputReply(value), cancellationToken);

    /// <summary>Completions at <paramref name="cursor"/> in <paramref name="code"/>, compiled on top of the cells run so far (only between cells).</summary>
    public async Task<(int Start, int End, IReadOnlyList<string> Matches)> CompleteAsync(string code, int cursor, CancellationToken cancellationToken = default)
    {
        var answer = await AskAsync(WorkerProtocol.Complete(code, cursor), "completions", cancellationToken);
        return ((int)answer["start"]!, (int)answer["end"]!, answer["matches"]!.AsArray().Select(m => (string)m!).ToList());
    }

    /// <summary>Signature and documentation of the symbol at <paramref name="cursor"/>; null when there is none (only between cells).</summary>
    public async Task<string?> InspectAsync(string code, int cursor, CancellationToken cancellationToken = default) =>
        (string?)(await AskAsync(WorkerProtocol.Inspect(code, cursor), "inspection", cancellationToken))["text"];

    /// <summary>Kills the process at once (an interrupted cell that will not stop); its state is gone.</summary>
    public void Kill() => Stop();

    private async Task<JsonObject> AskAsync(JsonObject request, string answerType, CancellationToken cancellationToken)
    {
        if (!IsAlive) throw new InvalidOperationException("this worker has stopped; start a new one");
        await SendAsync(request, cancellationToken);
        while (await _messages.Reader.ReadAsync(cancellationToken) is { } message)
        {
            // Output of a background task that outlived its cell has no cell to go to now.
            if ((string?)message["type"] == answerType) return message;
        }
        IsAlive = false;
        throw new InvalidOperationException(await DeathNoticeAsync());
    }

    private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(message.ToJsonString().AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Closes the worker's input so it exits, and kills it if it does not.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsAlive)
        {
            try { _process.StandardInput.Close(); } catch (IOException) { }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try { await _process.WaitForExitAsync(grace.Token); } catch (OperationCanceledException) { }
        }
        Stop();
        _process.Dispose();
    }

    private void Stop()
    {
        IsAlive = false;
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    /// <summary>Why the process ended: its exit code and the first line it wrote to stderr.</summary>
    private async Task<string> DeathNoticeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(grace.Token); await _stderrPump.WaitAsync(grace.Token); }
        catch (OperationCanceledException) { Stop(); }
        string? firstLine;
        lock (_stderrHead) firstLine = _stderrHead.FirstOrDefault(l => l.Trim().Length > 0)?.Trim();
        string code = _process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";
        return $"the worker process ended (exit code {code}){(firstLine is null ? "" : $": {firstLine}")}";
    }

    private async Task PumpStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            JsonObject? message = null;
            if (line.StartsWith('{'))
            {
                try { message = JsonNode.Parse(line) as JsonObject; }
                catch (System.Text.Json.JsonException) { }
            }
            // Anything else reached the real stdout bypassing Console.Out (native code, say): keep it as cell output.
            message ??= WorkerProtocol.Output(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = line + "\n" }, null);
            await _messages.Writer.WriteAsync(message);
        }
        _messages.Writer.TryWrite(null);
    }

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_stderrHead)
            {
                if (_stderrHead.Count < StderrHeadLines) _stderrHead.Enqueue(line);
            }
        }
    }

    private static string DotnetHost()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location))));
        string executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string? besideRuntime = root is null ? null : Path.Combine(root, executable);
        if (besideRuntime is not null && File.Exists(besideRuntime)) return besideRuntime;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? executable;
    }
}
