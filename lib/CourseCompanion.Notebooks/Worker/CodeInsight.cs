using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>Names the cursor can complete to.</summary>
/// <param name="Start">Where the replaced word starts (UTF-16 offset in the cell).</param>
/// <param name="Matches">Candidate names, sorted.</param>
internal sealed record Completion(int Start, int End, IReadOnlyList<string> Matches);

/// <summary>
/// Completion and inspection from Roslyn's semantic model of a cell compiled on top of the session's state, so the names in
/// scope are those earlier cells defined. After a dot: the members of the expression's type (with extension methods), or of a
/// type or namespace. Documentation comes from the symbol's own XML (cell code) or the XML files beside the reference assemblies.
/// </summary>
internal static class CodeInsight
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>> DocumentationFiles = new();

    public static Completion Complete(Compilation compilation, int cursor)
    {
        var tree = compilation.SyntaxTrees.Single();
        string text = tree.GetText().ToString();
        cursor = Math.Clamp(cursor, 0, text.Length);
        int start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        string prefix = text[start..cursor];
        var model = compilation.GetSemanticModel(tree);
        IEnumerable<ISymbol> symbols;
        if (start > 0 && text[start - 1] == '.')
        {
            var dot = tree.GetCompilationUnitRoot().FindToken(start - 1);
            ExpressionSyntax? left = dot.Parent switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                QualifiedNameSyntax qualified => qualified.Left,
                _ => null,
            };
            symbols = left is null ? [] : MembersOf(model, left, start);
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }
        var names = symbols.Where(s => s.CanBeReferencedByName || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
            .Select(s => s.Name)
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n.StartsWith('<'))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
        return new Completion(start, cursor, names);
    }

    /// <summary>The signature(s) and summary of the symbol under or just before the cursor; null when there is none.</summary>
    public static string? Inspect(Compilation compilation, int cursor)
    {
        var tree = compilation.SyntaxTrees.Single();
        var root = tree.GetCompilationUnitRoot();
        var model = compilation.GetSemanticModel(tree);
        int length = tree.GetText().Length;
        cursor = Math.Clamp(cursor, 0, length);
        var token = root.FindToken(Math.Max(0, cursor == length ? cursor - 1 : cursor));
        if (!token.IsKind(SyntaxKind.IdentifierToken) && cursor > 0) token = root.FindToken(cursor - 1);
        // Inside an argument list: inspect the method being called.
        if (!token.IsKind(SyntaxKind.IdentifierToken)
            && token.Parent?.AncestorsAndSelf().OfType<ArgumentListSyntax>().FirstOrDefault()?.Parent is InvocationExpressionSyntax or ObjectCreationExpressionSyntax)
        {
            var call = token.Parent.AncestorsAndSelf().OfType<ArgumentListSyntax>().First().Parent!;
            token = call is InvocationExpressionSyntax invocation ? invocation.Expression.GetLastToken() : ((ObjectCreationExpressionSyntax)call).Type.GetLastToken();
        }
        if (token.Parent is not { } node) return null;
        var info = model.GetSymbolInfo(node);
        var symbols = info.Symbol is { } one ? [one]
            : info.CandidateSymbols.Length > 0 ? info.CandidateSymbols.ToList()
            : model.GetMemberGroup(node) is { Length: > 0 } group ? group.ToList()
            : model.GetDeclaredSymbol(node) is { } declared ? [declared]
            : model.GetTypeInfo(node).Type is { TypeKind: not TypeKind.Error } type ? [type]
            : new List<ISymbol>();
        if (symbols.Count == 0) return null;
        var lines = symbols.Take(12).Select(s => s.ToDisplayString()).ToList();
        if (symbols.Count > 12) lines.Add($"(+{symbols.Count - 12} overloads)");
        string? summary = Summary(compilation, symbols[0]);
        return string.Join("\n", lines) + (summary is null ? "" : "\n\n" + summary);
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax left, int position)
    {
        var symbol = model.GetSymbolInfo(left).Symbol;
        if (symbol is INamespaceSymbol ns) return model.LookupNamespacesAndTypes(position, ns);
        if (symbol is ITypeSymbol type && left is not (InvocationExpressionSyntax or ElementAccessExpressionSyntax))
        {
            // `Color.` where a variable named like its type is in scope: offer both static and instance members.
            var value = model.GetTypeInfo(left).Type;
            return model.LookupStaticMembers(position, type)
                .Concat(value is not null && !SymbolEqualityComparer.Default.Equals(value, type) ? model.LookupSymbols(position, value, includeReducedExtensionMethods: true) : []);
        }
        var instance = model.GetTypeInfo(left).Type;
        if (instance is null || instance.TypeKind == TypeKind.Error) return [];
        return model.LookupSymbols(position, instance, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    private static string? Summary(Compilation compilation, ISymbol symbol)
    {
        var target = symbol is IMethodSymbol { ReducedFrom: { } original } ? original : symbol.OriginalDefinition;
        string xml = target.GetDocumentationCommentXml() ?? "";
        XElement? member = null;
        if (xml.Length > 0)
        {
            try { member = XElement.Parse(xml); } catch (System.Xml.XmlException) { }
        }
        if (member is null && target.GetDocumentationCommentId() is { } id && target.ContainingAssembly is { } assembly)
        {
            foreach (var file in DocumentationCandidates(compilation, assembly))
            {
                if (DocumentationFiles.GetOrAdd(file, Load).TryGetValue(id, out member)) break;
            }
        }
        var summary = member?.Element("summary");
        if (summary is null) return null;
        string text = string.Concat(summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => ((string?)e.Attribute("cref"))?.Split(':').Last().Split('.').Last()
                ?? (string?)e.Attribute("langword") ?? e.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
            XElement e => e.Value,
            _ => "",
        }));
        return string.Join(" ", text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The XML beside the referenced assembly, and for framework assemblies the reference pack's XML files.</summary>
    private static IEnumerable<string> DocumentationCandidates(Compilation compilation, IAssemblySymbol assembly)
    {
        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
        {
            string beside = Path.ChangeExtension(path, ".xml");
            if (File.Exists(beside)) yield return beside;
        }
        if (ReferencePack() is not { } pack) yield break;
        string name = assembly.Name == "System.Private.CoreLib" ? "System.Runtime" : assembly.Name;
        foreach (var candidate in new[] { name, "System.Runtime", "System.Collections", "System.Linq", "System.Console" }.Distinct())
        {
            string file = Path.Combine(pack, candidate + ".xml");
            if (File.Exists(file)) yield return file;
        }
    }

    /// <summary><c>&lt;dotnet&gt;/packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net&lt;major&gt;.0</c> of the running runtime, if installed.</summary>
    private static string? ReferencePack()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        string version = Path.GetFileName(runtime);
        if (root is null) return null;
        string folder = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref", version, "ref", $"net{Environment.Version.Major}.0");
        return Directory.Exists(folder) ? folder : null;
    }

    private static IReadOnlyDictionary<string, XElement> Load(string file)
    {
        try
        {
            return XDocument.Load(file).Root?.Element("members")?.Elements("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => (string)m.Attribute("name")!)
                .ToDictionary(g => g.Key, g => g.First()) ?? [];
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException) { return new Dictionary<string, XElement>(); }
    }
}
