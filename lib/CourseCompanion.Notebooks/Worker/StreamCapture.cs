using System.Diagnostics;
using System.Text;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>
/// Stands in for Console.Out or Console.Error in the worker: buffers what a cell writes and hands it on as
/// <c>stream</c> text at line ends (at most every 50 ms), before displays, and when the cell ends.
/// </summary>
internal sealed class StreamCapture(string name, Action<string, string> emit) : TextWriter
{
    private static readonly long FlushInterval = Stopwatch.Frequency / 20;
    private readonly StringBuilder _buffer = new();
    private readonly Lock _gate = new();
    private long _lastFlush = Stopwatch.GetTimestamp();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _buffer.Append(value);
            if (value == '\n' && Stopwatch.GetTimestamp() - _lastFlush > FlushInterval) Flush();
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_gate)
        {
            _buffer.Append(value);
            if (value.Contains('\n') && Stopwatch.GetTimestamp() - _lastFlush > FlushInterval) Flush();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_gate)
        {
            _lastFlush = Stopwatch.GetTimestamp();
            if (_buffer.Length == 0) return;
            string text = _buffer.ToString();
            _buffer.Clear();
            emit(name, text);
        }
    }
}
