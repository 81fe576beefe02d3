namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Cache block sizes of the Goto/BLIS loop nest: a packed A block (MC×KC) stays in L2,
/// a packed B micro-panel (KC×NR) in L1, the packed B block (KC×NC) in L3.
/// They depend only on the element size and k, never on the thread count, so every output
/// element sums its k-products in the same order however many threads run.
/// </summary>
internal static class GemmBlocking
{
    /// <summary>Largest depth of one packed k-block.</summary>
    public const int MaxKc = 256;

    /// <summary>Columns of a packed B block (a multiple of every NR).</summary>
    public const int Nc = 4096;

    /// <summary>Rows of a packed A block (a multiple of MR).</summary>
    public static int Mc(int elementSize) => elementSize == sizeof(float) ? 144 : 72;

    /// <summary>Depth of each k-block: k split into equal blocks of at most <see cref="MaxKc"/>.</summary>
    public static int Kc(int k)
    {
        int blocks = (k + MaxKc - 1) / MaxKc;
        return (k + blocks - 1) / blocks;
    }
}
