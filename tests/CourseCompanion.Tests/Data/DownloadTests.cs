using CourseCompanion.Data;

namespace CourseCompanion.Tests.Data;

public class DownloadTests
{
    private static readonly byte[] Content = "hello, fashion"u8.ToArray();

    // from: printf 'hello, fashion' | md5sum ; printf 'hello, fashion' | sha256sum
    private const string Md5 = "5bdb4ab5caf17bcc57c322872bd7258e";
    private const string Sha256 = "8dfece413a2a5559ce3bdf1e54ae98eb6703103b430efafe848e20f74a5c2a0a";

    [Theory]
    [InlineData(Md5)]
    [InlineData(Sha256)]
    public void DownloadsIntoANewDirectoryWhenTheChecksumMatches(string checksum)
    {
        using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["f.bin"] = Content });
        var target = Path.Combine(IdxFiles.TempDirectory(), "sub", "f.bin");
        Download.File(new Uri(server.BaseUrl, "f.bin"), target, checksum.ToUpperInvariant());
        Assert.Equal(Content, File.ReadAllBytes(target));
    }

    [Theory]
    [InlineData(Md5)]
    [InlineData(Sha256)]
    public void ChecksumMismatchNamesBothHashesAndLeavesNoFile(string checksum)
    {
        using var server = new LoopbackServer(new Dictionary<string, byte[]> { ["f.bin"] = Content });
        var target = Path.Combine(IdxFiles.TempDirectory(), "f.bin");
        var wrong = new string('0', checksum.Length);
        var e = Assert.Throws<InvalidDataException>(() => Download.File(new Uri(server.BaseUrl, "f.bin"), target, wrong));
        Assert.Contains(checksum, e.Message);
        Assert.Contains(wrong, e.Message);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".part"));
    }

    [Fact]
    public void MissingRemoteFileIsAnHttpError()
    {
        using var server = new LoopbackServer(new Dictionary<string, byte[]>());
        var target = Path.Combine(IdxFiles.TempDirectory(), "f.bin");
        Assert.Throws<HttpRequestException>(() => Download.File(new Uri(server.BaseUrl, "f.bin"), target, Md5));
        Assert.False(File.Exists(target));
    }
}
