namespace CourseCompanion.Tensors.Kernels;

/// <summary>
/// Runs independent items (images, channels, planes) on the <see cref="Team"/> when there is enough work to pay for it.
/// Each item is computed whole by one thread, so results do not depend on the number of threads.
/// </summary>
internal static class ParallelItems
{
    /// <summary>Total work (elements touched) below which items run on the calling thread.</summary>
    private const long ParallelWork = 1 << 15;

    /// <summary>Runs body(i) for i = 0 … count − 1, in parallel when count·workPerItem is at least <see cref="ParallelWork"/>.</summary>
    public static void For(int count, long workPerItem, Action<int> body)
    {
        if (count > 1 && workPerItem * count >= ParallelWork) Team.For(count, body);
        else for (int i = 0; i < count; i++) body(i);
    }
}
