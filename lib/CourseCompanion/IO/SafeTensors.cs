using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourseCompanion.Tensors;

namespace CourseCompanion.IO;

/// <summary>
/// Reads and writes named tensors in the safetensors format (an 8-byte little-endian header length,
/// a JSON header of {name: {dtype, shape, data_offsets}}, then raw little-endian data), which PyTorch's
/// <c>safetensors</c> package reads too. Names are written in sorted order, so files are reproducible.
/// </summary>
public static class SafeTensors
{
    /// <summary>Writes the tensors to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        var header = new JsonObject();
        var blobs = new List<byte[]>();
        long offset = 0;
        foreach (var (name, tensor) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var bytes = Bytes(tensor.Contiguous());
            header[name] = new JsonObject
            {
                ["dtype"] = Code(tensor.DType),
                ["shape"] = new JsonArray(tensor.Shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes.Length),
            };
            blobs.Add(bytes);
            offset += bytes.Length;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8; // the format pads the header with spaces to 8 bytes
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (int i = json.Length; i < padded; i++) stream.WriteByte((byte)' ');
            foreach (var blob in blobs) stream.Write(blob);
        });
    }

    /// <summary>Reads every tensor of a safetensors file; errors name the file and the entry.</summary>
    public static Dictionary<string, Tensor> Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file.");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header length {headerLength} exceeds the file size.");
        JsonObject header;
        try { header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength))!.AsObject(); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: the header is not valid JSON ({e.Message})."); }
        var data = bytes.AsSpan(8 + (int)headerLength);
        var result = new Dictionary<string, Tensor>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__") continue;
            var entry = node!.AsObject();
            var dtype = Parse(entry["dtype"]!.GetValue<string>(), path, name);
            var shape = entry["shape"]!.AsArray().Select(s => s!.GetValue<int>()).ToArray();
            var offsets = entry["data_offsets"]!.AsArray().Select(o => o!.GetValue<long>()).ToArray();
            if (offsets[1] > data.Length || offsets[0] > offsets[1])
                throw new InvalidDataException($"{path}: entry '{name}' points outside the data.");
            result[name] = FromBytes(data[(int)offsets[0]..(int)offsets[1]], dtype, shape, path, name);
        }
        return result;
    }

    private static byte[] Bytes(Tensor t) => t.DType switch
    {
        DType.Float32 => MemoryMarshal.AsBytes(t.ReadOnlySpan<float>()).ToArray(),
        DType.Float64 => MemoryMarshal.AsBytes(t.ReadOnlySpan<double>()).ToArray(),
        DType.Int64 => MemoryMarshal.AsBytes(t.ReadOnlySpan<long>()).ToArray(),
        _ => t.ReadOnlySpan<bool>().ToArray().Select(b => b ? (byte)1 : (byte)0).ToArray(),
    };

    private static Tensor FromBytes(ReadOnlySpan<byte> bytes, DType dtype, int[] shape, string path, string name)
    {
        int size = dtype switch { DType.Float32 => 4, DType.Float64 or DType.Int64 => 8, _ => 1 };
        long expected = (long)shape.Aggregate(1L, (a, b) => a * b) * size;
        if (bytes.Length != expected)
            throw new InvalidDataException($"{path}: entry '{name}' has {bytes.Length} bytes, expected {expected} for shape [{string.Join(", ", shape)}].");
        return dtype switch
        {
            DType.Float32 => Tensor.FromArray(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape).Reshape(shape),
            DType.Float64 => Tensor.FromArray(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape).Reshape(shape),
            DType.Int64 => Tensor.FromArray(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape).Reshape(shape),
            _ => Tensor.FromArray(bytes.ToArray().Select(b => b != 0).ToArray(), shape).Reshape(shape),
        };
    }

    private static string Code(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Float64 => "F64",
        DType.Int64 => "I64",
        _ => "BOOL",
    };

    private static DType Parse(string code, string path, string name) => code switch
    {
        "F32" => DType.Float32,
        "F64" => DType.Float64,
        "I64" => DType.Int64,
        "BOOL" => DType.Bool,
        _ => throw new InvalidDataException($"{path}: entry '{name}' has dtype {code}, which this library does not read (F32, F64, I64, BOOL)."),
    };
}
