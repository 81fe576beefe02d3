namespace CourseCompanion.Notebooks.Scripting;

/// <summary>A shown value; <see cref="Update"/> replaces what that display shows (in a file run: its stored output).</summary>
public sealed class DisplayHandle
{
    internal DisplayHandle(string displayId) => DisplayId = displayId;

    /// <summary>The id that ties updates to the original output.</summary>
    public string DisplayId { get; }

    /// <summary>Shows <paramref name="value"/> in place of the current content.</summary>
    public void Update(object? value) => DisplayChannel.Update(DisplayId, value);
}
