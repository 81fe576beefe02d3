namespace CourseCompanion.Notebooks.Grading;

/// <summary>
/// nbgrader's markers in C# comments. <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> becomes the stub
/// <c>// YOUR CODE HERE</c> + <c>throw new NotImplementedException();</c> at the marker's indent (ClearSolutions);
/// <c>// BEGIN HIDDEN TESTS</c> … <c>// END HIDDEN TESTS</c> is removed from the student version (ClearHiddenTests).
/// A marker is any line containing the delimiter, as in nbgrader.
/// </summary>
public static class SourceMarkers
{
    public const string BeginSolution = "BEGIN SOLUTION";
    public const string EndSolution = "END SOLUTION";
    public const string BeginHidden = "BEGIN HIDDEN TESTS";
    public const string EndHidden = "END HIDDEN TESTS";
    public static readonly string[] CodeStub = ["// YOUR CODE HERE", "throw new NotImplementedException();"];
    public const string TextStub = "YOUR ANSWER HERE";

    public static bool HasSolution(string source) => source.Contains(BeginSolution, StringComparison.Ordinal);

    public static bool HasHiddenTests(string source) => source.Contains(BeginHidden, StringComparison.Ordinal);

    /// <summary>The student version of a solution region: the stub in place of each region (code), or the text stub (markdown).</summary>
    public static string ClearSolutions(string source, bool code, string where) =>
        Replace(source, BeginSolution, EndSolution, where, indent => code ? CodeStub.Select(l => indent + l) : [indent + TextStub]);

    /// <summary>The source without its hidden-test regions (markers included).</summary>
    public static string RemoveHiddenTests(string source, string where) => Replace(source, BeginHidden, EndHidden, where, _ => []);

    /// <summary>The instructor's version: marker lines dropped, everything between them kept.</summary>
    public static string StripMarkers(string source) => string.Join("\n", source.Split('\n').Where(line =>
        !line.Contains(BeginSolution, StringComparison.Ordinal) && !line.Contains(EndSolution, StringComparison.Ordinal)
        && !line.Contains(BeginHidden, StringComparison.Ordinal) && !line.Contains(EndHidden, StringComparison.Ordinal)));

    private static string Replace(string source, string begin, string end, string where, Func<string, IEnumerable<string>> stub)
    {
        if (!source.Contains(begin, StringComparison.Ordinal) && !source.Contains(end, StringComparison.Ordinal)) return source;
        var output = new List<string>();
        bool inside = false;
        foreach (var line in source.Split('\n'))
        {
            if (line.Contains(begin, StringComparison.Ordinal))
            {
                if (inside) throw new GradingException($"{where}: '{begin}' inside another region");
                inside = true;
                output.AddRange(stub(line[..(line.Length - line.TrimStart().Length)]));
            }
            else if (line.Contains(end, StringComparison.Ordinal))
            {
                if (!inside) throw new GradingException($"{where}: '{end}' without '{begin}'");
                inside = false;
            }
            else if (!inside) output.Add(line);
        }
        if (inside) throw new GradingException($"{where}: '{begin}' without '{end}'");
        return string.Join("\n", output);
    }
}

/// <summary>An assignment that cannot be released or graded as written (bad markers, duplicate grade ids, missing folders).</summary>
public sealed class GradingException(string message) : Exception(message);
