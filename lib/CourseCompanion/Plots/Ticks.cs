using System.Globalization;

namespace CourseCompanion.Plots;

/// <summary>A tick: its value (in data units) and its label.</summary>
internal readonly record struct Tick(double Value, string Label);

/// <summary>"Nice" tick positions: steps of 1, 2 or 5 times a power of ten; decades on log axes.</summary>
internal static class Ticks
{
    public static IReadOnlyList<Tick> For(AxisScale scale, double min, double max, int target = 6) =>
        scale == AxisScale.Log ? Log(min, max) : Linear(min, max, target);

    public static IReadOnlyList<Tick> Linear(double min, double max, int target = 6)
    {
        if (!(max > min)) return double.IsFinite(min) ? [new Tick(min, Format(min, 1))] : [];
        var step = NiceStep((max - min) / target);
        var ticks = new List<Tick>();
        for (var k = Math.Ceiling(min / step - 1e-9); k * step <= max + step * 1e-9; k++)
            ticks.Add(new Tick(k * step, Format(k * step, step)));
        return ticks;
    }

    /// <summary>Ticks at powers of ten between <paramref name="min"/> and <paramref name="max"/> (data units, both &gt; 0).</summary>
    public static IReadOnlyList<Tick> Log(double min, double max)
    {
        var (low, high) = ((int)Math.Ceiling(Math.Log10(min) - 1e-9), (int)Math.Floor(Math.Log10(max) + 1e-9));
        if (high - low < 1) return Linear(min, max, 4);
        var every = (high - low) / 8 + 1;
        return Enumerable.Range(low, high - low + 1).Where(k => (k - low) % every == 0)
            .Select(k => new Tick(Math.Pow(10, k), k is >= -3 and <= 5 ? Format(Math.Pow(10, k), Math.Pow(10, k)) : $"1e{k}"))
            .ToList();
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return magnitude * (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10);
    }

    /// <summary>A tick label with just enough decimals to tell ticks <paramref name="step"/> apart.</summary>
    public static string Format(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-6) value = 0; // no "-0.0" or rounding noise such as 1e-17
        if (Math.Abs(value) >= 1e6 || value != 0 && Math.Abs(value) < 1e-4) return value.ToString("0.##e0", CultureInfo.InvariantCulture);
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 8);
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }
}
