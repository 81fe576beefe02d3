using System.Globalization;
using System.Runtime.CompilerServices;
using CourseCompanion.Tensors;

namespace CourseCompanion.Checks;

/// <summary>
/// The assertions graded test cells use. A failure throws <see cref="CheckFailedException"/> whose message names the quantity
/// (the checked expression, unless given), the expected and actual values and, when given, a hint:
/// <c>Softmax(x).Sum(): expected 1, got 1.3 (tolerance 1E-06). Hint: did you normalise by the sum of the exponentials?</c>
/// </summary>
public static class Check
{
    /// <summary>|actual − expected| ≤ tolerance · max(1, |expected|) (relative for large values, absolute near zero).</summary>
    public static void Close(double actual, double expected, double tolerance = 1e-6, string? hint = null,
        [CallerArgumentExpression(nameof(actual))] string? quantity = null)
    {
        if (!(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected))))
            Fail(quantity, Format(expected), Format(actual), hint, tolerance);
    }

    /// <summary>Same shape, and every element close as in <see cref="Close(double, double, double, string?, string?)"/>; names the worst element.</summary>
    public static void Close(Tensor actual, Tensor expected, double tolerance = 1e-6, string? hint = null,
        [CallerArgumentExpression(nameof(actual))] string? quantity = null)
    {
        Shape(actual, expected.ShapeArray, hint, quantity);
        var a = actual.Double().ToArray<double>();
        var e = expected.Double().ToArray<double>();
        int worst = -1;
        double worstBadness = 1;
        for (int i = 0; i < a.Length; i++)
        {
            double diff = Math.Abs(a[i] - e[i]);
            double badness = diff == 0 ? 0 : diff / (tolerance * Math.Max(1, Math.Abs(e[i]))); // tolerance 0 demands exact equality
            if (double.IsNaN(badness)) badness = double.PositiveInfinity;
            if (badness > worstBadness) (worst, worstBadness) = (i, badness);
        }
        if (worst >= 0) Fail($"{quantity}[{string.Join(", ", Shapes.Unravel(worst, actual.ShapeArray))}]", Format(e[worst]), Format(a[worst]), hint, tolerance);
    }

    /// <summary>Close for arrays of numbers.</summary>
    public static void Close(IReadOnlyList<double> actual, IReadOnlyList<double> expected, double tolerance = 1e-6, string? hint = null,
        [CallerArgumentExpression(nameof(actual))] string? quantity = null)
    {
        if (actual.Count != expected.Count) Fail($"{quantity} length", expected.Count.ToString(CultureInfo.InvariantCulture), actual.Count.ToString(CultureInfo.InvariantCulture), hint);
        for (int i = 0; i < actual.Count; i++) Close(actual[i], expected[i], tolerance, hint, $"{quantity}[{i}]");
    }

    /// <summary><paramref name="actual"/> equals <paramref name="expected"/>; arrays and other sequences compare element by element.</summary>
    public static void Equal<T>(T actual, T expected, string? hint = null, [CallerArgumentExpression(nameof(actual))] string? quantity = null)
    {
        if (!SameValue(actual, expected)) Fail(quantity, Format(expected), Format(actual), hint);
    }

    private static bool SameValue(object? a, object? b) =>
        a is System.Collections.IEnumerable x && b is System.Collections.IEnumerable y && a is not string
            ? x.Cast<object?>().SequenceEqual(y.Cast<object?>(), EqualityComparer<object?>.Default)
            : Equals(a, b);

    /// <summary>The condition holds.</summary>
    public static void True(bool condition, string? hint = null, [CallerArgumentExpression(nameof(condition))] string? quantity = null)
    {
        if (!condition) Fail(quantity, "true", "false", hint);
    }

    /// <summary>The tensor has exactly this shape.</summary>
    public static void Shape(Tensor actual, int[] expected, string? hint = null, [CallerArgumentExpression(nameof(actual))] string? quantity = null)
    {
        if (!actual.ShapeArray.SequenceEqual(expected)) Fail($"{quantity} shape", FormatShape(expected), FormatShape(actual.ShapeArray), hint);
    }

    private static void Fail(string? quantity, string expected, string actual, string? hint, double? tolerance = null)
    {
        string tol = tolerance is double t ? string.Create(CultureInfo.InvariantCulture, $" (tolerance {t:G3})") : "";
        throw new CheckFailedException($"{quantity ?? "value"}: expected {expected}, got {actual}{tol}.{(hint is null ? "" : $" Hint: {hint}")}");
    }

    private static string Format<T>(T value) => value switch
    {
        null => "null",
        double d => d.ToString("G8", CultureInfo.InvariantCulture),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        int[] shape => FormatShape(shape),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static string FormatShape(int[] shape) => "[" + string.Join(", ", shape) + "]";
}

/// <summary>Thrown by <see cref="Check"/> when a graded test fails; the message names quantity, expected, actual and hint.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
