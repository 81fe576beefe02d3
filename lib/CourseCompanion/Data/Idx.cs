using System.Buffers.Binary;
using System.IO.Compression;

namespace CourseCompanion.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (gzipped or raw): a magic number 0x0000_08_dd (unsigned bytes,
/// dd dimensions), dd big-endian 32-bit sizes, then the bytes in row-major order. Errors name the file.
/// </summary>
public static class Idx
{
    /// <summary>The shape and the bytes of an unsigned-byte IDX file; a leading gzip header is recognised and decompressed.</summary>
    public static (int[] Shape, byte[] Data) Read(string path)
    {
        var bytes = Decompressed(path);
        if (bytes.Length < 4)
            throw new InvalidDataException($"IDX file '{path}' is truncated: {bytes.Length} bytes, not even a magic number.");
        uint magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        int dims = (int)(magic & 0xFF);
        if (magic >> 8 != 0x08 || dims == 0)
            throw new InvalidDataException($"IDX file '{path}' has magic number 0x{magic:X8}; expected 0x000008dd (unsigned bytes, dd dimensions).");
        int header = 4 + 4 * dims;
        if (bytes.Length < header)
            throw new InvalidDataException($"IDX file '{path}' is truncated inside its header ({bytes.Length} of {header} bytes).");
        var shape = new int[dims];
        long count = 1;
        for (int d = 0; d < dims; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (size > int.MaxValue) throw new InvalidDataException($"IDX file '{path}': dimension {d} has implausible size {size}.");
            shape[d] = (int)size;
            count *= size;
        }
        long body = bytes.Length - header;
        if (body != count)
            throw new InvalidDataException($"IDX file '{path}' {(body < count ? "is truncated" : "has trailing bytes")}: " +
                                           $"shape [{string.Join(", ", shape)}] needs {count} data bytes, found {body}.");
        return (shape, bytes[header..]);
    }

    private static byte[] Decompressed(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1F || raw[1] != 0x8B) return raw;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var result = new MemoryStream();
            gzip.CopyTo(result);
            return result.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"IDX file '{path}' is not a valid gzip stream: {e.Message}", e);
        }
    }
}
