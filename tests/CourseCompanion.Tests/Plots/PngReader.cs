using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CourseCompanion.Tests.Plots;

/// <summary>An independent PNG reader for tests: checks signature and every chunk's CRC, inflates IDAT and undoes filter 0.</summary>
internal sealed record DecodedPng(int Width, int Height, int ColorType, int BitDepth, byte[] Pixels, IReadOnlyList<string> ChunkTypes)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static DecodedPng Decode(byte[] file)
    {
        Assert.Equal(Signature, file[..8]);
        var (offset, types, idat) = (8, new List<string>(), new MemoryStream());
        byte[] header = [];
        while (offset < file.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var typeAndData = file.AsSpan(offset + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8 + length));
            Assert.True(BitwiseCrc32(typeAndData) == crc, $"CRC of chunk {type} is wrong");
            types.Add(type);
            if (type == "IHDR") header = typeAndData[4..].ToArray();
            if (type == "IDAT") idat.Write(typeAndData[4..]);
            offset += 12 + length;
        }
        var (width, height) = (BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        var channels = header[9] switch { 0 => 1, 2 => 3, 6 => 4, _ => throw new InvalidDataException("colour type") };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        Assert.Equal(height * (stride + 1), raw.Length);
        var pixels = new byte[height * stride];
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (stride + 1)]); // filter type none
            Array.Copy(raw, row * (stride + 1) + 1, pixels, row * stride, stride);
        }
        return new DecodedPng(width, height, header[9], header[8], pixels, types);
    }

    /// <summary>CRC-32 bit by bit (no table), so it checks the library's table-driven version independently.</summary>
    private static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }
}
