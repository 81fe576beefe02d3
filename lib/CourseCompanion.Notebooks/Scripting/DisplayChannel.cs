namespace CourseCompanion.Notebooks.Scripting;

/// <summary>Where displays go: the worker connects this to the running cell's outputs.</summary>
internal static class DisplayChannel
{
    private static int _nextId;

    /// <summary>Receives (display id, value) for a new display.</summary>
    public static Action<string, object?> Shown { get; set; } = (_, _) => { };

    /// <summary>Receives (display id, value) for an update of an earlier display.</summary>
    public static Action<string, object?> Updated { get; set; } = (_, _) => { };

    public static DisplayHandle Show(object? value)
    {
        var handle = new DisplayHandle($"display-{Interlocked.Increment(ref _nextId)}");
        Shown(handle.DisplayId, value);
        return handle;
    }

    public static void Update(string displayId, object? value) => Updated(displayId, value);
}
