namespace CourseCompanion.Tensors;

/// <summary>
/// One size per spatial axis (height, width) for kernels, strides, paddings and dilations, like PyTorch's
/// <c>_pair</c>: an int means the same value for both axes, a tuple gives them separately, so
/// <c>x.Conv2d(w, stride: 2, padding: (1, 0))</c> reads as in Python.
/// </summary>
public readonly record struct Pair(int Height, int Width)
{
    /// <summary>The same value for height and width.</summary>
    public static implicit operator Pair(int both) => new(both, both);

    /// <summary>(height, width).</summary>
    public static implicit operator Pair((int Height, int Width) hw) => new(hw.Height, hw.Width);

    /// <summary>PyTorch's notation: a single number when both agree, else (h, w).</summary>
    public override string ToString() => Height == Width ? $"{Height}" : $"({Height}, {Width})";

    /// <summary>As PyTorch prints module settings: always the tuple (h, w).</summary>
    internal string Repr => $"({Height}, {Width})";
}
