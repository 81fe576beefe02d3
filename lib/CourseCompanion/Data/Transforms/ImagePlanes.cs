using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>An image tensor [..., H, W] as a float32 copy of its H×W planes, which the image transforms edit in place.</summary>
internal sealed class ImagePlanes
{
    public ImagePlanes(Tensor image, string op)
    {
        if (image.Dim < 2 || image.DType != DType.Float32)
            throw new ArgumentException($"{op}: expected a float32 image [C, H, W] or [H, W], got {image.DType.TorchName()} [{string.Join(", ", image.Shape)}].");
        Shape = image.Shape;
        Height = image.Size(-2);
        Width = image.Size(-1);
        Pixels = image.ToArray<float>();
        Count = Height * Width == 0 ? 0 : Pixels.Length / (Height * Width);
    }

    public int[] Shape { get; }
    public int Height { get; }
    public int Width { get; }
    /// <summary>Number of H×W planes (channels, times any leading dimensions).</summary>
    public int Count { get; }
    public float[] Pixels { get; }

    public Span<float> Plane(int p) => Pixels.AsSpan(p * Height * Width, Height * Width);

    public Tensor ToTensor() => new(Pixels, Shape, DType.Float32);
}
