using System.IO.Compression;

namespace CourseCompanion.Tests.Data;

/// <summary>Writes small IDX files (and whole fake Fashion-MNIST directories) into temporary directories for the loader tests.</summary>
internal static class IdxFiles
{
    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cc-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The bytes of an unsigned-byte IDX file with the given shape and data.</summary>
    public static byte[] Bytes(int[] shape, byte[] data)
    {
        var header = new List<byte> { 0, 0, 0x08, (byte)shape.Length };
        foreach (int s in shape) header.AddRange([(byte)(s >> 24), (byte)(s >> 16), (byte)(s >> 8), (byte)s]);
        return [.. header, .. data];
    }

    public static byte[] Gzip(byte[] data)
    {
        using var result = new MemoryStream();
        using (var gzip = new GZipStream(result, CompressionLevel.Fastest)) gzip.Write(data);
        return result.ToArray();
    }

    /// <summary>The four gzipped files of a Fashion-MNIST directory with n training and n test images; every label is <paramref name="label"/>.</summary>
    public static Dictionary<string, byte[]> FashionFiles(int n, byte label)
    {
        var images = Gzip(Bytes([n, 28, 28], Enumerable.Range(0, n * 784).Select(i => (byte)(i % 256)).ToArray()));
        var labels = Gzip(Bytes([n], Enumerable.Repeat(label, n).ToArray()));
        return new()
        {
            ["train-images-idx3-ubyte.gz"] = images,
            ["train-labels-idx1-ubyte.gz"] = labels,
            ["t10k-images-idx3-ubyte.gz"] = images,
            ["t10k-labels-idx1-ubyte.gz"] = labels,
        };
    }

    /// <summary>A new temporary directory holding <see cref="FashionFiles"/>.</summary>
    public static string FashionDirectory(int n, byte label)
    {
        var dir = TempDirectory();
        foreach (var (name, bytes) in FashionFiles(n, label)) File.WriteAllBytes(Path.Combine(dir, name), bytes);
        return dir;
    }
}
