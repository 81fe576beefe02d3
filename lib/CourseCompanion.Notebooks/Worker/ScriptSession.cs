using System.Reflection;
using System.Runtime.Loader;
using CourseCompanion.Notebooks.Scripting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>
/// Roslyn scripting with state carried from cell to cell (<c>ScriptState.ContinueWithAsync</c>), the imports of
/// .NET Interactive's C# kernel, the whole shared framework referenced, and <c>#r</c> paths relative to the notebook's folder.
/// </summary>
internal sealed class ScriptSession
{
    /// <summary>The namespaces .NET Interactive's C# kernel imports, plus our <c>display</c>/<c>Display()</c>.</summary>
    public static readonly string[] DefaultImports =
    [
        "System", "System.Collections", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http",
        "System.Text", "System.Threading", "System.Threading.Tasks", typeof(DisplayHandle).Namespace!,
    ];

    private readonly ScriptGlobals _globals = new();
    private readonly List<string> _referenceFolders = [];
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    public ScriptSession(string directory)
    {
        _options = ScriptOptions.Default
            .WithReferences(FrameworkReferences().Append(typeof(ScriptGlobals).Assembly.Location)
                .Select(path => MetadataReference.CreateFromFile(path)))
            .WithImports(DefaultImports)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(directory));
        _referenceFolders.Add(directory);
        AssemblyLoadContext.Default.Resolving += ResolveBesideReferences;
    }

    /// <summary>Compiles and runs a throwaway script so the first real cell does not pay for loading and jitting Roslyn.</summary>
    public async Task WarmUpAsync() =>
        await CSharpScript.Create("display(0).DisplayId.Length + 1", _options, typeof(ScriptGlobals)).RunAsync(new ScriptGlobals());

    /// <summary>Runs one cell. Compile errors and exceptions come back in the outcome; variables defined before an exception survive.</summary>
    public async Task<ScriptOutcome> RunAsync(string code, IReadOnlyList<string> packageAssemblies)
    {
        if (packageAssemblies.Count > 0)
        {
            _options = _options.AddReferences(packageAssemblies.Select(path => MetadataReference.CreateFromFile(path)));
            _referenceFolders.AddRange(packageAssemblies.Select(Path.GetDirectoryName).OfType<string>());
        }
        ScriptState<object> next;
        try
        {
            next = _state is null
                ? await CSharpScript.Create(code, _options, typeof(ScriptGlobals)).RunAsync(_globals, catchException: _ => true)
                : await _state.ContinueWithAsync(code, _options, catchException: _ => true);
        }
        catch (CompilationErrorException e)
        {
            return ScriptOutcome.CompileError(e.Diagnostics);
        }
        _state = next;
        RememberReferenceFolders(next.Script);
        if (next.Exception is { } exception) return ScriptOutcome.Thrown(exception);
        return ScriptOutcome.Completed(EndsInValue(next.Script), next.ReturnValue);
    }

    /// <summary>
    /// Compiles <paramref name="code"/> as the next cell without running it, for completion and inspection. Magic lines become
    /// spaces of the same length, so offsets in the cell stay valid.
    /// </summary>
    public Compilation CompileInContext(string code)
    {
        var lines = code.Split('\n').Select(line => line.TrimStart().StartsWith("#!", StringComparison.Ordinal)
            || line.TrimStart().StartsWith("#r \"nuget:", StringComparison.Ordinal) ? new string(' ', line.Length) : line);
        code = string.Join('\n', lines);
        var script = _state is null ? CSharpScript.Create(code, _options, typeof(ScriptGlobals)) : _state.Script.ContinueWith(code, _options);
        return script.GetCompilation();
    }

    /// <summary>True when the cell ends in an expression without a semicolon whose type is not void (Polyglot then shows it).</summary>
    private static bool EndsInValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Single();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>Every assembly of the running shared framework, so cells see what a project would.</summary>
    private static IEnumerable<string> FrameworkReferences()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator);
        return trusted.Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            && string.Equals(Path.GetDirectoryName(p), runtime, StringComparison.Ordinal));
    }

    /// <summary>Remembers the folders of <c>#r</c>-ed assemblies, so their own dependencies beside them load too.</summary>
    private void RememberReferenceFolders(Script script)
    {
        foreach (var reference in script.GetCompilation().References.OfType<PortableExecutableReference>())
        {
            if (reference.FilePath is { } path && Path.GetDirectoryName(path) is { } folder && !_referenceFolders.Contains(folder))
                _referenceFolders.Add(folder);
        }
    }

    private Assembly? ResolveBesideReferences(AssemblyLoadContext context, AssemblyName name)
    {
        foreach (var folder in _referenceFolders)
        {
            string candidate = Path.Combine(folder, name.Name + ".dll");
            if (File.Exists(candidate)) return context.LoadFromAssemblyPath(candidate);
        }
        return null;
    }
}
