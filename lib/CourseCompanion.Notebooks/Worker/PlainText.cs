using System.Collections;
using System.Globalization;

namespace CourseCompanion.Notebooks.Worker;

/// <summary>The <c>text/plain</c> form of a value: strings as they are, collections as readable lists, numbers in the invariant culture.</summary>
internal static class PlainText
{
    private const int MaxItems = 20;

    public static string Format(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        _ => Item(value, depth: 0),
    };

    private static string Item(object? value, int depth) => value switch
    {
        null => "<null>",
        string s => depth == 0 ? s : $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary d when depth < 3 => "{ " + string.Join(", ", Take(Entries(d), e => $"{Item(e.Key, depth + 1)}: {Item(e.Value, depth + 1)}")) + " }",
        IEnumerable e when depth < 3 && !HasOwnToString(value) => "[ " + string.Join(", ", Take(e.Cast<object?>(), v => Item(v, depth + 1))) + " ]",
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static IEnumerable<string> Take<T>(IEnumerable<T> items, Func<T, string> format)
    {
        int shown = 0;
        foreach (var item in items)
        {
            if (shown == MaxItems) { yield return "..."; yield break; }
            shown++;
            yield return format(item);
        }
    }

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext()) yield return entries.Entry;
    }

    /// <summary>Collections that override ToString (a tensor, say) know best how to print themselves.</summary>
    private static bool HasOwnToString(object value)
    {
        var declaring = value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType;
        return declaring is not null && declaring != typeof(object)
            && !(declaring.Namespace ?? "").StartsWith("System", StringComparison.Ordinal);
    }
}
