using System.Collections.Concurrent;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>
/// Console.In of the worker. In a file run (and when a kernel client does not allow stdin) it is empty, as before: ReadLine gives null.
/// When the running cell allows stdin, ReadLine asks the parent (<c>input_request</c>) and blocks until its <c>input_reply</c>.
/// </summary>
internal sealed class KernelInput(Action<string> request) : TextReader
{
    private readonly BlockingCollection<string?> _replies = new();
    private string _pending = "";

    /// <summary>Set by the worker for the duration of a cell.</summary>
    public volatile bool Allowed;

    /// <summary>An <c>input_reply</c> from the parent.</summary>
    public void Reply(string? value) => _replies.Add(value);

    /// <summary>The parent closed stdin: unblock any waiting reader.</summary>
    public void Complete() => _replies.CompleteAdding();

    public override string? ReadLine()
    {
        if (_pending.Length > 0)
        {
            string line = _pending.TrimEnd('\n');
            _pending = "";
            return line;
        }
        if (!Allowed) return null;
        request("");
        try { return _replies.Take(); }
        catch (InvalidOperationException) { return null; }
    }

    public override int Read()
    {
        if (_pending.Length == 0)
        {
            if (ReadLine() is not { } line) return -1;
            _pending = line + "\n";
        }
        char c = _pending[0];
        _pending = _pending[1..];
        return c;
    }

    public override int Peek() => _pending.Length > 0 ? _pending[0] : -1;

    public override string ReadToEnd() => ReadLine() ?? "";
}
