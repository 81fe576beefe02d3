using System.Net;
using System.Net.Sockets;

namespace CourseCompanion.Notebooks.Zmtp;

/// <summary>
/// A bound ZMTP socket accepting any number of TCP peers. Each peer gets its own read loop; a peer that breaks the protocol
/// (garbage, a wrong socket type, a disconnect mid-message) is logged and dropped without disturbing the others.
/// </summary>
public abstract class ZmtpSocket : IAsyncDisposable
{
    private readonly string _socketType;
    private readonly string[] _accepts;
    private readonly CancellationTokenSource _closing = new();
    private readonly List<ZmtpPeer> _peers = [];
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    protected ZmtpSocket(string socketType, string[] accepts, Action<string>? log)
    {
        _socketType = socketType;
        _accepts = accepts;
        Log = log ?? (_ => { });
    }

    /// <summary>Where problems with peers are reported.</summary>
    protected Action<string> Log { get; }

    /// <summary>The bound port (useful after binding to port 0).</summary>
    public int Port => ((IPEndPoint?)_listener?.LocalEndpoint)?.Port ?? 0;

    /// <summary>Peers that completed the handshake and are still connected.</summary>
    public IReadOnlyList<ZmtpPeer> Peers
    {
        get { lock (_peers) return [.. _peers]; }
    }

    /// <summary>Listens on exactly this address and port (0 picks a free port) and starts accepting peers.</summary>
    public void Bind(IPAddress address, int port)
    {
        _listener = new TcpListener(address, port);
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Called for each message or command a peer sends, on that peer's read loop.</summary>
    protected abstract Task OnMessageAsync(ZmtpPeer peer, ZmtpMessage message);

    /// <summary>Called once a peer completed the handshake, before its first message.</summary>
    protected virtual void OnConnected(ZmtpPeer peer) { }

    protected virtual void OnDisconnected(ZmtpPeer peer) { }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _listener?.Stop();
        try { await _acceptLoop; } catch (Exception) { }
        foreach (var peer in Peers) await peer.Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Drops a peer whose sends fail.</summary>
    protected async Task SendOrDropAsync(ZmtpPeer peer, IReadOnlyList<byte[]> frames)
    {
        try { await peer.Connection.SendAsync(frames, _closing.Token); }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
            Remove(peer);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_closing.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener!.AcceptTcpClientAsync(_closing.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            client.NoDelay = true;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var connection = new ZmtpConnection(client.GetStream());
        var peer = new ZmtpPeer(connection, client.Client.RemoteEndPoint?.ToString() ?? "?");
        try
        {
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token))
            {
                handshake.CancelAfter(TimeSpan.FromSeconds(10));
                await connection.HandshakeAsync(_socketType, _accepts, handshake.Token);
            }
            OnConnected(peer);
            lock (_peers) _peers.Add(peer);
            while (await connection.ReadAsync(_closing.Token) is { } message) await OnMessageAsync(peer, message);
        }
        catch (Exception e) when (e is ZmtpException or IOException or EndOfStreamException or SocketException)
        {
            Log($"{_socketType} socket: dropped peer {peer.Address}: {e.Message}");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Remove(peer);
            await connection.DisposeAsync();
            client.Dispose();
        }
    }

    private void Remove(ZmtpPeer peer)
    {
        bool removed;
        lock (_peers) removed = _peers.Remove(peer);
        if (removed) OnDisconnected(peer);
    }
}

/// <summary>One connected peer of a <see cref="ZmtpSocket"/>.</summary>
public sealed class ZmtpPeer(ZmtpConnection connection, string address)
{
    public ZmtpConnection Connection { get; } = connection;

    /// <summary>The remote endpoint, for logs.</summary>
    public string Address { get; } = address;

    /// <summary>The routing identity (ROUTER sockets).</summary>
    public byte[] Identity { get; set; } = [];

    /// <summary>Subscribed topic prefixes (PUB sockets).</summary>
    public List<byte[]> Subscriptions { get; } = [];
}
