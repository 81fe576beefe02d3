namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Contiguous [N, C, *] data seen as N·C rows of <see cref="Plane"/> elements (the product of the trailing sizes,
/// 1 for [N, C]): channel c owns rows c, C + c, 2C + c, …, as batch normalisation reduces them.
/// </summary>
public readonly record struct ChannelLayout(int Batch, int Channels, int Plane)
{
    /// <summary>The layout of a tensor of this shape (rank at least 2).</summary>
    public static ChannelLayout Of(int[] shape)
    {
        int plane = 1;
        for (int d = 2; d < shape.Length; d++) plane *= shape[d];
        return new ChannelLayout(shape[0], shape[1], plane);
    }

    /// <summary>Values per channel: N·plane.</summary>
    public int PerChannel => Batch * Plane;

    /// <summary>All elements: N·C·plane.</summary>
    public int Size => Batch * Channels * Plane;

    /// <summary>Where row n of channel c starts.</summary>
    public int RowStart(int n, int c) => (n * Channels + c) * Plane;
}
