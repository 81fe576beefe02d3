namespace CourseCompanion.Notebooks.Zmtp;

/// <summary>
/// ZMQ REP answering each request at once with <paramref name="reply"/>, which receives the whole request (envelope and body) and
/// returns the whole reply; echoing the frames back unchanged is a valid REP answer, which is all Jupyter's heartbeat needs.
/// </summary>
public sealed class ReplySocket(Func<IReadOnlyList<byte[]>, IReadOnlyList<byte[]>> reply, Action<string>? log = null)
    : ZmtpSocket("REP", ["REQ", "DEALER"], log)
{
    protected override Task OnMessageAsync(ZmtpPeer peer, ZmtpMessage message) =>
        message.IsCommand ? Task.CompletedTask : SendOrDropAsync(peer, reply(message.Frames));
}
