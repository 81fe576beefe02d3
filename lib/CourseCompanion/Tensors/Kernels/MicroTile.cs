using System.Numerics;

namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Writes a register tile that lies partly outside C. Uses the same arithmetic as the
/// vector path (alpha·acc + beta·c, no fused multiply-add), so an element's bits do not
/// depend on whether it sits in a full or an edge tile.
/// </summary>
internal static unsafe class MicroTile
{
    /// <summary>Updates the top-left <paramref name="rows"/>×<paramref name="cols"/> of C from a row-major tile of width <paramref name="nr"/>.</summary>
    public static void UpdatePartial<T>(T* tile, int nr, T* c, int ldc, int rows, int cols, T alpha, T beta)
        where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < rows; i++, c += ldc, tile += nr)
        {
            if (T.IsZero(beta))
                for (int j = 0; j < cols; j++) c[j] = alpha * tile[j];
            else
                for (int j = 0; j < cols; j++) c[j] = alpha * tile[j] + beta * c[j];
        }
    }
}
