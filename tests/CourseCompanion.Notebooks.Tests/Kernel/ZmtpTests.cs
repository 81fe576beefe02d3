using System.Net;
using System.Net.Sockets;
using System.Text;
using CourseCompanion.Notebooks.Zmtp;

namespace CourseCompanion.Notebooks.Tests.Kernel;

/// <summary>The ZMTP 3.x layer on its own: wire format checked byte by byte, then sockets against misbehaving peers.</summary>
public class ZmtpTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Greeting_and_ready_are_the_bytes_of_the_spec_and_the_peer_identity_is_kept()
    {
        await using var router = Bound(new RouterSocket());
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, router.Port);
        var stream = tcp.GetStream();
        var greeting = new byte[64];
        await stream.ReadExactlyAsync(greeting);
        Assert.Equal(0xFF, greeting[0]);
        Assert.Equal(0x7F, greeting[9]);
        Assert.Equal([3, 1], greeting[10..12]);
        Assert.Equal("NULL", Encoding.ASCII.GetString(greeting, 12, 20).TrimEnd('\0'));
        Assert.Equal(0, greeting[32]);
        Assert.All(greeting[33..], b => Assert.Equal(0, b));

        await stream.WriteAsync(ZmtpConnection.Greeting());
        // READY command: flags 0x04, size, "\x05READY", then Socket-Type ROUTER as name length, name, 4-octet value length, value.
        var header = new byte[2];
        await stream.ReadExactlyAsync(header);
        Assert.Equal(0x04, header[0]);
        var ready = new byte[header[1]];
        await stream.ReadExactlyAsync(ready);
        Assert.Equal("\u0005READY\u000BSocket-Type\0\0\0\u0006ROUTER", Encoding.ASCII.GetString(ready));

        byte[] properties = ZmtpConnection.Properties(("Socket-Type", "DEALER"u8.ToArray()), ("Identity", "student-1"u8.ToArray()));
        byte[] body = [5, .. "READY"u8, .. properties];
        await stream.WriteAsync((byte[])[0x04, (byte)body.Length, .. body]);
        await stream.WriteAsync((byte[])[0x01, 3, .. "one"u8, 0x00, 3, .. "two"u8]);
        var message = await router.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(["student-1", "one", "two"], message.Select(f => Encoding.ASCII.GetString(f)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70_000)]
    public async Task Frames_short_and_long_round_trip(int size)
    {
        await using var router = Bound(new RouterSocket());
        await using var dealer = await ConnectAsync(router.Port, "DEALER", ["ROUTER"], "me"u8.ToArray());
        var payload = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        await dealer.SendAsync([payload]);
        var received = await router.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(payload, received[1]);
        Assert.True(await router.SendAsync([received[0], payload, [1, 2, 3]]));
        var echoed = await dealer.ReadAsync().WaitAsync(Patience);
        Assert.Equal(payload, echoed!.Frames[0]);
        Assert.Equal([1, 2, 3], echoed.Frames[1]);
    }

    [Fact]
    public async Task Long_frames_use_the_long_flag_and_an_eight_octet_size()
    {
        var pipe = new MemoryStream();
        await using var connection = new ZmtpConnection(pipe);
        await connection.SendAsync([new byte[300], new byte[2]]);
        var bytes = pipe.ToArray();
        Assert.Equal(0x03, bytes[0]); // MORE | LONG
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 44], bytes[1..9]);
        Assert.Equal(0x00, bytes[9 + 300]); // last frame: short, no MORE
        Assert.Equal(2, bytes[9 + 300 + 1]);
    }

    [Fact]
    public async Task Multipart_messages_arrive_whole_and_in_order()
    {
        await using var router = Bound(new RouterSocket());
        await using var dealer = await ConnectAsync(router.Port, "DEALER", ["ROUTER"]);
        for (int i = 0; i < 50; i++) await dealer.SendAsync(Enumerable.Range(0, 5).Select(f => Encoding.ASCII.GetBytes($"{i}.{f}")).ToList());
        for (int i = 0; i < 50; i++)
        {
            var message = await router.ReceiveAsync().AsTask().WaitAsync(Patience);
            Assert.Equal(Enumerable.Range(0, 5).Select(f => $"{i}.{f}"), message.Skip(1).Select(f => Encoding.ASCII.GetString(f)));
        }
    }

    [Fact]
    public async Task A_peer_that_disconnects_mid_message_delivers_nothing_and_others_are_served()
    {
        await using var router = Bound(new RouterSocket());
        var quitter = await ConnectRawAsync(router.Port, "DEALER");
        await quitter.GetStream().WriteAsync((byte[])[0x01, 5, .. "first"u8, 0x00, 200, 1, 2, 3]);
        quitter.Dispose();
        await using var dealer = await ConnectAsync(router.Port, "DEALER", ["ROUTER"]);
        await dealer.SendAsync(["hello"u8.ToArray()]);
        var message = await router.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("hello", Encoding.ASCII.GetString(message[1]));
        Assert.False(router.TryReceive(out _));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("\u00ff\0\0\0\0\0\0\0\0\u007f\u0003\u0001CURVE")]
    [InlineData("after-handshake")]
    public async Task Garbage_drops_that_peer_only(string garbage)
    {
        await using var router = Bound(new RouterSocket());
        await using var dealer = await ConnectAsync(router.Port, "DEALER", ["ROUTER"]);
        using var attacker = garbage == "after-handshake" ? await ConnectRawAsync(router.Port, "DEALER") : await ConnectBareAsync(router.Port);
        byte[] bytes = garbage == "after-handshake" ? [0xF0, 0xFF, 0xFF, 0xFF] : Encoding.Latin1.GetBytes(garbage.PadRight(64, 'x'));
        await attacker.GetStream().WriteAsync(bytes);
        var buffer = new byte[256];
        var stream = attacker.GetStream();
        int read;
        do { read = await stream.ReadAsync(buffer).AsTask().WaitAsync(Patience); } while (read > 0);
        await dealer.SendAsync(["still here"u8.ToArray()]);
        var message = await router.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("still here", Encoding.ASCII.GetString(message[1]));
    }

    [Fact]
    public async Task A_peer_of_the_wrong_socket_type_is_refused()
    {
        await using var router = Bound(new RouterSocket());
        var connection = new ZmtpConnection((await ConnectBareAsync(router.Port)).GetStream());
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await connection.HandshakeAsync("SUB", ["ROUTER"]);
            Assert.Null(await connection.ReadAsync().WaitAsync(Patience));
        });
        Assert.Empty(router.Peers);
    }

    [Fact]
    public async Task Pub_sends_by_subscription_prefix_given_as_message_or_command()
    {
        await using var pub = Bound(new PublisherSocket());
        await using var all = await ConnectAsync(pub.Port, "SUB", ["PUB"]);
        await using var status = await ConnectAsync(pub.Port, "SUB", ["PUB"]);
        await using var none = await ConnectAsync(pub.Port, "SUB", ["PUB"]);
        await all.SendAsync([[1]]);                          // ZMTP 3.0: 0x01 + empty prefix
        await status.SendCommandAsync("SUBSCRIBE", "status"u8.ToArray()); // ZMTP 3.1 command
        await WaitUntil(() => pub.Peers.Count(p => { lock (p.Subscriptions) return p.Subscriptions.Count > 0; }) == 2);
        await pub.SendAsync(["stream"u8.ToArray(), "a"u8.ToArray()]);
        await pub.SendAsync(["status.idle"u8.ToArray(), "b"u8.ToArray()]);
        Assert.Equal("a", Encoding.ASCII.GetString((await all.ReadAsync().WaitAsync(Patience))!.Frames[1]));
        Assert.Equal("b", Encoding.ASCII.GetString((await all.ReadAsync().WaitAsync(Patience))!.Frames[1]));
        Assert.Equal("b", Encoding.ASCII.GetString((await status.ReadAsync().WaitAsync(Patience))!.Frames[1]));
        await Assert.ThrowsAsync<TimeoutException>(() => none.ReadAsync().WaitAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Rep_echoes_and_ping_gets_pong()
    {
        await using var rep = Bound(new ReplySocket(frames => frames));
        await using var req = await ConnectAsync(rep.Port, "REQ", ["REP"]);
        await req.SendAsync([[], "beat"u8.ToArray()]);
        var echoed = await req.ReadAsync().WaitAsync(Patience);
        Assert.Equal(["", "beat"], echoed!.Frames.Select(f => Encoding.ASCII.GetString(f)));
        await req.SendCommandAsync("PING", [0, 10, .. "ctx"u8]);
        var pong = await req.ReadAsync().WaitAsync(Patience);
        Assert.Equal("PONG", pong!.CommandName);
        Assert.Equal("ctx", Encoding.ASCII.GetString(pong.Frames[0]));
    }

    private static T Bound<T>(T socket) where T : ZmtpSocket
    {
        socket.Bind(IPAddress.Loopback, 0);
        return socket;
    }

    private static async Task<ZmtpConnection> ConnectAsync(int port, string type, string[] accepts, byte[]? identity = null)
    {
        var connection = new ZmtpConnection((await ConnectBareAsync(port)).GetStream());
        await connection.HandshakeAsync(type, accepts, identity: identity).WaitAsync(Patience);
        return connection;
    }

    /// <summary>A connection that completed the handshake by hand and can then write anything.</summary>
    private static async Task<TcpClient> ConnectRawAsync(int port, string type)
    {
        var tcp = await ConnectBareAsync(port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(ZmtpConnection.Greeting());
        await stream.ReadExactlyAsync(new byte[64]);
        var header = new byte[2];
        await stream.ReadExactlyAsync(header);
        await stream.ReadExactlyAsync(new byte[header[1]]);
        byte[] body = [5, .. "READY"u8, .. ZmtpConnection.Properties(("Socket-Type", Encoding.ASCII.GetBytes(type)))];
        await stream.WriteAsync((byte[])[0x04, (byte)body.Length, .. body]);
        return tcp;
    }

    private static async Task<TcpClient> ConnectBareAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return tcp;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out waiting");
            await Task.Delay(10);
        }
    }
}
