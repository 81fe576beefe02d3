using System.Globalization;

namespace CourseCompanion.NN;

/// <summary>Numbers formatted as Python's repr prints them, so <see cref="Module.ExtraRepr"/> reads like PyTorch's ("1e-05", "0.1", "1.0").</summary>
internal static class PythonRepr
{
    /// <summary>Python's repr of a float: the shortest round-trip digits, fixed notation for exponents −4 … 15, else "1e-05" style.</summary>
    public static string Float(double v)
    {
        if (double.IsNaN(v)) return "nan";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return double.IsNegative(v) ? "-0.0" : "0.0";
        // "E16" would not be shortest; "R" is, in .NET's own notation: split it into digits and a decimal exponent
        string r = Math.Abs(v).ToString("R", CultureInfo.InvariantCulture);
        string mantissa = r, digits;
        int exponent = 0;
        int e = r.IndexOf('E');
        if (e >= 0) { mantissa = r[..e]; exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture); }
        int point = mantissa.IndexOf('.');
        string whole = point < 0 ? mantissa : mantissa[..point], fraction = point < 0 ? "" : mantissa[(point + 1)..];
        digits = (whole + fraction).TrimStart('0');
        int leadingZeros = (whole + fraction).Length - digits.Length;
        exponent += whole.Length - 1 - leadingZeros; // value = d.ddd × 10^exponent
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        string sign = v < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16)
        {
            string m = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{m}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}");
        }
        if (exponent < 0) return sign + "0." + new string('0', -exponent - 1) + digits;
        string intPart = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
        string frac = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
        return sign + intPart + "." + frac;
    }

    /// <summary>A number the user may have given as an int or a float in Python (beta=1 vs beta=2.5): integral values print without ".0".</summary>
    public static string Number(double v) =>
        Math.Abs(v) < 1e15 && v == Math.Floor(v) ? ((long)v).ToString(CultureInfo.InvariantCulture) : Float(v);

    /// <summary>Python's repr of a bool.</summary>
    public static string Bool(bool b) => b ? "True" : "False";

    /// <summary>Python's repr of a tuple of ints: "(5,)" or "(3, 4)".</summary>
    public static string Tuple(IReadOnlyList<int> values) =>
        values.Count == 1 ? $"({values[0].ToString(CultureInfo.InvariantCulture)},)" : "(" + string.Join(", ", values.Select(x => x.ToString(CultureInfo.InvariantCulture))) + ")";
}
