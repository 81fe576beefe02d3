namespace CourseCompanion.Notebooks.Scripting;

/// <summary>Members every cell sees unqualified, as Polyglot's C# kernel provides them.</summary>
public class ScriptGlobals
{
    /// <summary>Shows the value as a cell output and returns a handle to update it.</summary>
#pragma warning disable IDE1006 // lower-case on purpose: the Polyglot spelling notebooks use
    public DisplayHandle display(object? value) => DisplayChannel.Show(value);
#pragma warning restore IDE1006
}
