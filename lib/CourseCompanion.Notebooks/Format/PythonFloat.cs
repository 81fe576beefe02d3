using System.Globalization;

namespace CourseCompanion.Notebooks.Format;

/// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, exponent form only below 1e-4 or from 1e16.</summary>
internal static class PythonFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";

        // .NET "E16"-free shortest digits: "R" gives them, possibly as d.dddE+xx.
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        (string digits, int pointPosition) = Decompose(shortest);
        string sign = value < 0 ? "-" : "";
        if (pointPosition <= -4 || pointPosition > 16)
        {
            string mantissa = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
            int exponent = pointPosition - 1;
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        if (pointPosition <= 0) return $"{sign}0.{new string('0', -pointPosition)}{digits}";
        if (pointPosition >= digits.Length) return $"{sign}{digits}{new string('0', pointPosition - digits.Length)}.0";
        return $"{sign}{digits[..pointPosition]}.{digits[pointPosition..]}";
    }

    /// <summary>Splits a positive .NET number into significant digits and the decimal point's position (value = 0.digits × 10^position).</summary>
    private static (string Digits, int PointPosition) Decompose(string text)
    {
        int exponent = 0;
        int e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            text = text[..e];
        }
        int dot = text.IndexOf('.');
        string integerPart = dot >= 0 ? text[..dot] : text;
        string fraction = dot >= 0 ? text[(dot + 1)..] : "";
        string all = integerPart + fraction;
        int position = integerPart.Length + exponent;
        int leadingZeros = all.Length - all.TrimStart('0').Length;
        all = all.TrimStart('0');
        position -= leadingZeros;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, position);
    }
}
