namespace CourseCompanion.Notebooks.Scripting;

/// <summary><c>x.Display()</c>, as in Polyglot Notebooks.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows the value as a cell output and returns a handle to update it.</summary>
    public static DisplayHandle Display(this object? value) => DisplayChannel.Show(value);
}
