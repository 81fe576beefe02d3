using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CourseCompanion.Plots;

/// <summary>PNG colour types we write, all 8 bits per channel.</summary>
public enum PngColor
{
    /// <summary>1 byte per pixel.</summary>
    Grey = 0,

    /// <summary>3 bytes per pixel.</summary>
    Rgb = 2,

    /// <summary>4 bytes per pixel, straight alpha.</summary>
    Rgba = 6,
}

/// <summary>A minimal PNG encoder: IHDR, one zlib-compressed IDAT with filter 0 (none) on every row, IEND.</summary>
public static class Png
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Encodes <paramref name="pixels"/> (row by row, channels interleaved) as a PNG file.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColor color)
    {
        var channels = Channels(color);
        if (width <= 0 || height <= 0 || pixels.Length != width * height * channels)
            throw new ArgumentException($"Expected {width}×{height}×{channels} bytes, got {pixels.Length}.", nameof(pixels));

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;            // bits per channel
        header[9] = (byte)color;  // compression, filter and interlace methods stay 0

        var stride = width * channels;
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter type: none
                zlib.Write(pixels.Slice(row * stride, stride));
            }

        using var file = new MemoryStream();
        file.Write(Signature);
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", compressed.ToArray());
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    internal static int Channels(PngColor color) => color switch
    {
        PngColor.Grey => 1,
        PngColor.Rgb => 3,
        PngColor.Rgba => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(color)),
    };

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        stream.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(typed));
        stream.Write(number);
    }
}
