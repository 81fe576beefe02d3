namespace CourseCompanion.Notebooks.Execution;

/// <summary>A code cell after its Polyglot magics are read: what runs, in which kernel, with which references.</summary>
/// <param name="Kernel">The selected kernel (<c>csharp</c>, <c>markdown</c>, or another Polyglot kernel we cannot run).</param>
/// <param name="Code">C# to run; magic lines are blanked so line numbers stay those of the cell.</param>
/// <param name="Packages"><c>#r "nuget: ..."</c> references, resolved from the local NuGet cache.</param>
/// <param name="Timed">True when the cell asked for <c>#!time</c>.</param>
public sealed record CellScript(string Kernel, string Code, IReadOnlyList<PackageReference> Packages, bool Timed)
{
    /// <summary>True when there is nothing to run (only whitespace and magics).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && Packages.Count == 0;
}

/// <summary>A <c>#r "nuget: Name, Version"</c> line; a null version means the newest in the cache.</summary>
public sealed record PackageReference(string Name, string? Version, int Line);
