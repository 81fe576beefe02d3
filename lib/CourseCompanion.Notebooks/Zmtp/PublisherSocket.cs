namespace CourseCompanion.Notebooks.Zmtp;

/// <summary>
/// ZMQ PUB: a message goes to every peer subscribed to a prefix of its first frame. Subscriptions arrive as ZMTP 3.0 messages
/// (<c>0x01</c> + prefix to subscribe, <c>0x00</c> + prefix to cancel) or ZMTP 3.1 SUBSCRIBE/CANCEL commands; a peer that has not
/// subscribed yet gets nothing, as with ZMQ.
/// </summary>
public sealed class PublisherSocket(Action<string>? log = null) : ZmtpSocket("PUB", ["SUB", "XSUB"], log)
{
    /// <summary>Raised when a peer subscribes (tests and start-up use it to know someone listens).</summary>
    public event Action? Subscribed;

    /// <summary>Publishes one multipart message to the subscribed peers.</summary>
    public async Task SendAsync(IReadOnlyList<byte[]> frames)
    {
        byte[] topic = frames.Count > 0 ? frames[0] : [];
        foreach (var peer in Peers)
        {
            bool wanted;
            lock (peer.Subscriptions) wanted = peer.Subscriptions.Any(prefix => topic.AsSpan().StartsWith(prefix));
            if (wanted) await SendOrDropAsync(peer, frames);
        }
    }

    protected override Task OnMessageAsync(ZmtpPeer peer, ZmtpMessage message)
    {
        byte[] body = message.Frames[0];
        bool? subscribe = message.CommandName switch
        {
            "SUBSCRIBE" => true,
            "CANCEL" => false,
            null when body.Length > 0 && body[0] == 1 => true,
            null when body.Length > 0 && body[0] == 0 => false,
            _ => null,
        };
        if (subscribe is null) return Task.CompletedTask;
        byte[] prefix = message.IsCommand ? body : body[1..];
        lock (peer.Subscriptions)
        {
            if (subscribe.Value) peer.Subscriptions.Add(prefix);
            else
            {
                int index = peer.Subscriptions.FindIndex(p => p.AsSpan().SequenceEqual(prefix));
                if (index >= 0) peer.Subscriptions.RemoveAt(index);
            }
        }
        if (subscribe.Value) Subscribed?.Invoke();
        return Task.CompletedTask;
    }
}
