using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// Catches a submission that fakes passing by redefining what the tests call: a name a test cell looks up (<c>Check</c> in
/// <c>Check.Close(...)</c>) that no instructor cell declares, so it comes from the library, but a student cell declares
/// (a type, method, variable or using alias). Such a test scores zero as tampered, whatever its run said.
/// </summary>
public static class NameShadowing
{
    /// <summary>For each test (by grade id), the library names the student's cells redeclare; tests without any are left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Find(IEnumerable<string> instructorCells, IEnumerable<string> studentCells, IEnumerable<(string GradeId, string Source)> tests)
    {
        var instructor = instructorCells.SelectMany(Declared).ToHashSet(StringComparer.Ordinal);
        var student = studentCells.SelectMany(Declared).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (id, source) in tests)
        {
            var shadowed = LookedUp(source).Where(n => student.Contains(n) && !instructor.Contains(n)).Order(StringComparer.Ordinal).ToList();
            if (shadowed.Count > 0) result[id] = shadowed;
        }
        return result;
    }

    /// <summary>Names a cell declares at script level (and type names at any depth).</summary>
    public static IEnumerable<string> Declared(string source)
    {
        var root = Parse(source);
        foreach (var u in root.Usings) if (u.Alias is { } alias) yield return alias.Name.Identifier.Text;
        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>()) yield return type.Identifier.Text;
        foreach (var d in root.DescendantNodes().OfType<DelegateDeclarationSyntax>()) yield return d.Identifier.Text;
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax m: yield return m.Identifier.Text; break;
                case PropertyDeclarationSyntax p: yield return p.Identifier.Text; break;
                case BaseFieldDeclarationSyntax f: foreach (var v in f.Declaration.Variables) yield return v.Identifier.Text; break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax l }:
                    foreach (var v in l.Declaration.Variables) yield return v.Identifier.Text;
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax f }: yield return f.Identifier.Text; break;
            }
        }
    }

    /// <summary>Simple names a cell looks up (not member names after a dot, not argument names).</summary>
    public static IEnumerable<string> LookedUp(string source) => Parse(source).DescendantNodes().OfType<SimpleNameSyntax>()
        .Where(n => n.Parent is not MemberAccessExpressionSyntax ma || ma.Expression == n)
        .Where(n => n.Parent is not QualifiedNameSyntax q || q.Left == n)
        .Where(n => n.Parent is not NameColonSyntax and not NameEqualsSyntax)
        .Select(n => n.Identifier.Text)
        .Distinct();

    private static CompilationUnitSyntax Parse(string source)
    {
        // Polyglot magic lines (#!csharp) are not C#.
        var lines = source.Split('\n').Select(l => l.TrimStart().StartsWith("#!", StringComparison.Ordinal) ? "" : l);
        return CSharpSyntaxTree.ParseText(string.Join("\n", lines), new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
    }
}
