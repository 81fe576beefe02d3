using System.Security.Cryptography;
using System.Threading.Channels;

namespace CourseCompanion.Notebooks.Zmtp;

/// <summary>
/// ZMQ ROUTER: every received message gets the sending peer's identity prepended as its first frame; a sent message's first frame
/// names the peer to deliver the rest to (messages for unknown peers are dropped, as ZMQ does). Peers that announce an
/// <c>Identity</c> keep it (Jupyter clients give their shell and stdin sockets the same one); others get a random 5-byte one.
/// </summary>
public sealed class RouterSocket(Action<string>? log = null) : ZmtpSocket("ROUTER", ["DEALER", "REQ", "ROUTER"], log)
{
    private readonly Channel<IReadOnlyList<byte[]>> _inbox = Channel.CreateUnbounded<IReadOnlyList<byte[]>>();

    /// <summary>The next message, identity first.</summary>
    public ValueTask<IReadOnlyList<byte[]>> ReceiveAsync(CancellationToken cancellationToken = default) => _inbox.Reader.ReadAsync(cancellationToken);

    /// <summary>A message already waiting, if any.</summary>
    public bool TryReceive(out IReadOnlyList<byte[]> message) => _inbox.Reader.TryRead(out message!);

    /// <summary>Sends frames[1..] to the peer named by frames[0]; false when no such peer is connected.</summary>
    public async Task<bool> SendAsync(IReadOnlyList<byte[]> frames)
    {
        var peer = Peers.FirstOrDefault(p => p.Identity.AsSpan().SequenceEqual(frames[0]));
        if (peer is null) return false;
        await SendOrDropAsync(peer, frames.Skip(1).ToList());
        return true;
    }

    protected override void OnConnected(ZmtpPeer peer)
    {
        if (peer.Connection.PeerProperties.TryGetValue("Identity", out var identity) && identity.Length > 0 && identity[0] != 0
            && !Peers.Any(p => p.Identity.AsSpan().SequenceEqual(identity)))
        {
            peer.Identity = identity;
        }
        else
        {
            peer.Identity = [0, .. RandomNumberGenerator.GetBytes(4)];
        }
    }

    protected override async Task OnMessageAsync(ZmtpPeer peer, ZmtpMessage message)
    {
        if (message.IsCommand) return;
        await _inbox.Writer.WriteAsync([peer.Identity, .. message.Frames]);
    }
}
