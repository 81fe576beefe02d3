using System.Buffers.Binary;
using System.Text;

namespace CourseCompanion.Notebooks.Zmtp;

/// <summary>A ZMTP protocol violation by the peer (bad greeting, unknown mechanism, oversized frame, wrong socket type).</summary>
public sealed class ZmtpException(string message) : Exception(message);

/// <summary>
/// One ZMTP 3.x peer connection over a stream, NULL security mechanism only (23/ZMTP, 37/ZMTP). <see cref="HandshakeAsync"/>
/// exchanges the 64-octet greeting and READY commands; then <see cref="ReadAsync"/> yields whole multipart messages and commands,
/// and <see cref="SendAsync"/> writes them. Reads come from one loop; sends may come from any thread (they are serialized).
/// </summary>
public sealed class ZmtpConnection : IAsyncDisposable
{
    /// <summary>Frames larger than this end the connection: a peer cannot make us allocate without bound.</summary>
    public const long MaxFrameSize = 256L << 20;
    private const byte More = 1, Long = 2, Command = 4;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly byte[] _header = new byte[9];

    public ZmtpConnection(Stream stream) => _stream = stream;

    /// <summary>The peer's minor protocol version (0 for ZMTP 3.0, 1 for 3.1).</summary>
    public int PeerMinorVersion { get; private set; }

    /// <summary>The peer's READY properties (Socket-Type, Identity, ...).</summary>
    public IReadOnlyDictionary<string, byte[]> PeerProperties { get; private set; } = new Dictionary<string, byte[]>();

    /// <summary>The peer's <c>Socket-Type</c>.</summary>
    public string PeerSocketType => PeerProperties.TryGetValue("Socket-Type", out var t) ? Encoding.ASCII.GetString(t) : "";

    /// <summary>
    /// Greets the peer, checks its greeting, and exchanges READY; <paramref name="accepts"/> are the peer socket types allowed.
    /// <paramref name="identity"/> is announced to ROUTER peers (clients only).
    /// </summary>
    public async Task HandshakeAsync(string socketType, IReadOnlyCollection<string> accepts, CancellationToken cancellationToken = default,
        byte[]? identity = null)
    {
        await WriteRawAsync(Greeting(), cancellationToken);
        var greeting = new byte[64];
        await _stream.ReadExactlyAsync(greeting, cancellationToken);
        if (greeting[0] != 0xFF || greeting[9] != 0x7F) throw new ZmtpException("not a ZMTP greeting");
        if (greeting[10] < 3) throw new ZmtpException($"ZMTP {greeting[10]}.x is not supported (3.x is)");
        PeerMinorVersion = greeting[11];
        string mechanism = Encoding.ASCII.GetString(greeting, 12, 20).TrimEnd('\0');
        if (mechanism != "NULL") throw new ZmtpException($"security mechanism {mechanism} is not supported (NULL is)");

        var properties = new List<(string, byte[])> { ("Socket-Type", Encoding.ASCII.GetBytes(socketType)) };
        if (identity is not null) properties.Add(("Identity", identity));
        await SendCommandAsync("READY", Properties([.. properties]), cancellationToken);
        var ready = await ReadAsync(cancellationToken) ?? throw new ZmtpException("the peer closed the connection during the handshake");
        if (ready.CommandName == "ERROR") throw new ZmtpException("the peer refused the handshake");
        if (ready.CommandName != "READY") throw new ZmtpException("expected a READY command");
        PeerProperties = ParseProperties(ready.Frames[0]);
        if (!accepts.Contains(PeerSocketType))
        {
            await SendCommandAsync("ERROR", [.. ShortString("invalid socket type")], cancellationToken);
            throw new ZmtpException($"a {socketType} socket does not accept {(PeerSocketType.Length == 0 ? "an unnamed" : PeerSocketType)} peers");
        }
    }

    /// <summary>The next message or command; null when the peer closed the connection cleanly between messages.</summary>
    public async Task<ZmtpMessage?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var frames = new List<byte[]>();
        while (true)
        {
            int first = await _stream.ReadAtLeastAsync(_header.AsMemory(0, 1), 1, throwOnEndOfStream: false, cancellationToken);
            if (first == 0)
            {
                if (frames.Count == 0) return null;
                throw new EndOfStreamException("the peer closed the connection in the middle of a message");
            }
            byte flags = _header[0];
            if ((flags & 0xF8) != 0) throw new ZmtpException($"invalid frame flags 0x{flags:X2}");
            long size;
            if ((flags & Long) != 0)
            {
                await _stream.ReadExactlyAsync(_header.AsMemory(1, 8), cancellationToken);
                size = BinaryPrimitives.ReadInt64BigEndian(_header.AsSpan(1, 8));
            }
            else
            {
                await _stream.ReadExactlyAsync(_header.AsMemory(1, 1), cancellationToken);
                size = _header[1];
            }
            if (size < 0 || size > MaxFrameSize) throw new ZmtpException($"frame of {size} bytes exceeds the limit of {MaxFrameSize}");
            var body = new byte[size];
            await _stream.ReadExactlyAsync(body, cancellationToken);
            if ((flags & Command) != 0)
            {
                if (frames.Count > 0) throw new ZmtpException("a command inside a multipart message");
                if (body.Length == 0 || body[0] + 1 > body.Length) throw new ZmtpException("malformed command");
                string name = Encoding.ASCII.GetString(body, 1, body[0]);
                var data = body[(1 + body[0])..];
                if (name == "PING")
                {
                    await SendCommandAsync("PONG", data.Length >= 2 ? data[2..] : [], cancellationToken);
                    continue;
                }
                return new ZmtpMessage([data], name);
            }
            frames.Add(body);
            if ((flags & More) == 0) return new ZmtpMessage(frames, null);
        }
    }

    /// <summary>Sends one multipart message.</summary>
    public async Task SendAsync(IReadOnlyList<byte[]> frames, CancellationToken cancellationToken = default)
    {
        int total = frames.Sum(f => f.Length + 9);
        var buffer = new byte[total];
        int at = 0;
        for (int i = 0; i < frames.Count; i++) at = WriteFrame(buffer, at, frames[i], i < frames.Count - 1 ? More : (byte)0);
        await WriteRawAsync(buffer.AsMemory(0, at), cancellationToken);
    }

    /// <summary>Sends a command frame (READY, ERROR, PONG, ...).</summary>
    public async Task SendCommandAsync(string name, byte[] data, CancellationToken cancellationToken = default)
    {
        byte[] body = [.. ShortString(name), .. data];
        var buffer = new byte[body.Length + 9];
        int length = WriteFrame(buffer, 0, body, Command);
        await WriteRawAsync(buffer.AsMemory(0, length), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _sendGate.Dispose();
    }

    /// <summary>Our greeting: signature, version 3.1, mechanism NULL, as-server 0, filler.</summary>
    public static byte[] Greeting()
    {
        var greeting = new byte[64];
        greeting[0] = 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        greeting[11] = 1;
        Encoding.ASCII.GetBytes("NULL").CopyTo(greeting, 12);
        return greeting;
    }

    /// <summary>READY metadata: name (short string) and value (4-octet length, then bytes) per property.</summary>
    public static byte[] Properties(params (string Name, byte[] Value)[] properties)
    {
        var bytes = new List<byte>();
        foreach (var (name, value) in properties)
        {
            bytes.AddRange(ShortString(name));
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
            bytes.AddRange(length);
            bytes.AddRange(value);
        }
        return [.. bytes];
    }

    public static Dictionary<string, byte[]> ParseProperties(byte[] data)
    {
        var properties = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        int at = 0;
        while (at < data.Length)
        {
            int nameLength = data[at++];
            if (at + nameLength + 4 > data.Length) throw new ZmtpException("malformed READY metadata");
            string name = Encoding.ASCII.GetString(data, at, nameLength);
            at += nameLength;
            int valueLength = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at, 4));
            at += 4;
            if (valueLength < 0 || at + valueLength > data.Length) throw new ZmtpException("malformed READY metadata");
            properties[name] = data[at..(at + valueLength)];
            at += valueLength;
        }
        return properties;
    }

    private static byte[] ShortString(string s)
    {
        var bytes = Encoding.ASCII.GetBytes(s);
        return [(byte)bytes.Length, .. bytes];
    }

    private static int WriteFrame(byte[] buffer, int at, byte[] body, byte flags)
    {
        if (body.Length > 255)
        {
            buffer[at++] = (byte)(flags | Long);
            BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(at, 8), body.Length);
            at += 8;
        }
        else
        {
            buffer[at++] = flags;
            buffer[at++] = (byte)body.Length;
        }
        body.CopyTo(buffer, at);
        return at + body.Length;
    }

    private async Task WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        finally { _sendGate.Release(); }
    }
}

/// <summary>A received multipart message (<see cref="CommandName"/> null) or a command (one frame: its data).</summary>
public sealed record ZmtpMessage(IReadOnlyList<byte[]> Frames, string? CommandName)
{
    public bool IsCommand => CommandName is not null;
}
