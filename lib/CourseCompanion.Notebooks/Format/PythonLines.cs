namespace CourseCompanion.Notebooks.Format;

/// <summary>Python's <c>str.splitlines(keepends=True)</c>, which nbformat uses to store multi-line text as a list.</summary>
internal static class PythonLines
{
    /// <summary>Splits after every line boundary Python recognises, keeping the boundary; "" gives no lines.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsBoundary(c)) continue;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    private static bool IsBoundary(char c) => c is '\n' or '\r' or '\v' or '\f'
        or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
