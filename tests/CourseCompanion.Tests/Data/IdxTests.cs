using CourseCompanion.Data;

namespace CourseCompanion.Tests.Data;

public class IdxTests
{
    private static string Write(byte[] bytes)
    {
        var path = Path.Combine(IdxFiles.TempDirectory(), "file-idx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsShapeAndBytesRawOrGzipped(bool gzip)
    {
        var bytes = IdxFiles.Bytes([2, 3], [1, 2, 3, 4, 5, 6]);
        var (shape, data) = Idx.Read(Write(gzip ? IdxFiles.Gzip(bytes) : bytes));
        Assert.Equal([2, 3], shape);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, data);
    }

    [Fact]
    public void BadMagicNumberIsReportedWithTheFileName()
    {
        var path = Write([0, 0, 0x0D, 1, 0, 0, 0, 1, 42]); // 0x0D: float data, not unsigned bytes
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("0x00000D01", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TruncatedDataIsReported(bool gzip)
    {
        var bytes = IdxFiles.Bytes([10, 28, 28], new byte[10 * 784])[..^100];
        var path = Write(gzip ? IdxFiles.Gzip(bytes) : bytes);
        var e = Assert.Throws<InvalidDataException>(() => Idx.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("needs 7840 data bytes, found 7740", e.Message);
    }

    [Fact]
    public void TruncatedHeaderAndTrailingBytesAreReported()
    {
        Assert.Contains("inside its header", Assert.Throws<InvalidDataException>(() => Idx.Read(Write([0, 0, 8, 3, 0, 0]))).Message);
        Assert.Contains("trailing bytes", Assert.Throws<InvalidDataException>(() => Idx.Read(Write(IdxFiles.Bytes([2], [1, 2, 3])))).Message);
    }

    [Fact]
    public void CorruptGzipIsReportedWithTheFileName()
    {
        var gz = IdxFiles.Gzip(IdxFiles.Bytes([4], [1, 2, 3, 4]));
        for (int i = 10; i < gz.Length - 8; i++) gz[i] ^= 0x5A;
        var path = Write(gz);
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => Idx.Read(path)).Message);
    }
}
