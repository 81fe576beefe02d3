using System.Text;
using System.Text.Json.Nodes;

namespace CourseCompanion.Notebooks.Kernel;

/// <summary>One Jupyter message (messaging protocol 5.3): routing identities, the four JSON parts, and binary buffers.</summary>
public sealed record JupyterMessage(IReadOnlyList<byte[]> Identities, JsonObject Header, JsonObject ParentHeader, JsonObject Metadata,
    JsonObject Content, IReadOnlyList<byte[]> Buffers)
{
    public const string Delimiter = "<IDS|MSG>";
    public const string ProtocolVersion = "5.3";
    private static readonly byte[] DelimiterBytes = Encoding.ASCII.GetBytes(Delimiter);

    public string Type => (string?)Header["msg_type"] ?? "";

    /// <summary>A new message of <paramref name="type"/> answering (or caused by) <paramref name="parent"/>.</summary>
    public static JupyterMessage Create(string type, JsonObject content, string session, JupyterMessage? parent,
        IReadOnlyList<byte[]>? identities = null, JsonObject? metadata = null) => new(
        identities ?? parent?.Identities ?? [],
        new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString("N"),
            ["session"] = session,
            ["username"] = "kernel",
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["msg_type"] = type,
            ["version"] = ProtocolVersion,
        },
        parent?.Header.DeepClone().AsObject() ?? [],
        metadata ?? [],
        content,
        []);

    /// <summary>The wire frames: identities, delimiter, signature, the four JSON parts, buffers.</summary>
    public List<byte[]> Encode(MessageSigner signer)
    {
        var parts = new[] { Header, ParentHeader, Metadata, Content }.Select(p => Encoding.UTF8.GetBytes(p.ToJsonString())).ToArray();
        return [.. Identities, DelimiterBytes, Encoding.ASCII.GetBytes(signer.Sign(parts)), .. parts, .. Buffers];
    }

    /// <summary>Parses and verifies wire frames; on failure returns null and says why (the message must then be ignored).</summary>
    public static JupyterMessage? Decode(IReadOnlyList<byte[]> frames, MessageSigner signer, out string? problem)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(DelimiterBytes)) { delimiter = i; break; }
        }
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "not a Jupyter message (no <IDS|MSG> delimiter followed by signature, header, parent, metadata and content)";
            return null;
        }
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(frames[delimiter + 1], parts))
        {
            problem = frames[delimiter + 1].Length == 0 ? "missing signature" : "invalid signature";
            return null;
        }
        try
        {
            var json = parts.Select(p => JsonNode.Parse(p) as JsonObject ?? throw new InvalidDataException("a message part is not a JSON object")).ToArray();
            problem = null;
            return new JupyterMessage(frames.Take(delimiter).ToList(), json[0], json[1], json[2], json[3], frames.Skip(delimiter + 6).ToList());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            problem = $"malformed JSON: {e.Message}";
            return null;
        }
    }
}
