using System.Globalization;
using System.Text;

namespace CourseCompanion.Tensors;

/// <summary>
/// Prints tensors the way PyTorch does: 4 decimals (or scientific notation for wide ranges, or "1." when
/// all values are whole), aligned columns, and at most 3 edge items per dimension beyond 1000 elements.
/// </summary>
internal static class TensorFormatter
{
    private const int Threshold = 1000, EdgeItems = 3;

    public static string Format(Tensor t)
    {
        var values = t.Contiguous().ToArray<double>();
        bool summarize = t.NumEl > Threshold;
        var formatNumber = NumberFormat(t.DType, Shown(values, t.ShapeArray, summarize));
        int width = Shown(values, t.ShapeArray, summarize).Select(v => formatNumber(v).Length).DefaultIfEmpty(0).Max();
        var sb = new StringBuilder("tensor(");
        Append(sb, values, t.ShapeArray, 0, 0, summarize, v => formatNumber(v).PadLeft(width), indent: 7);
        sb.Append(", shape=").Append(Shapes.Format(t.ShapeArray));
        if (t.DType != DType.Float32) sb.Append(", dtype=").Append(t.DType.TorchName());
        if (t.GradFnName is { } fn) sb.Append(", grad_fn=<").Append(fn).Append("Backward>");
        else if (t.RequiresGrad) sb.Append(", requires_grad=True");
        return sb.Append(')').ToString();
    }

    /// <summary>The values that will be printed (edges only when summarising), used to pick format and width.</summary>
    private static IEnumerable<double> Shown(double[] values, int[] shape, bool summarize)
    {
        if (!summarize) return values;
        var shown = new List<double>();
        Visit(values, shape, 0, 0, summarize, shown.Add);
        return shown;
    }

    private static void Visit(double[] values, int[] shape, int dim, int offset, bool summarize, Action<double> visit)
    {
        if (shape.Length == 0) { visit(values[0]); return; }
        int stride = Shapes.Product(shape.AsSpan(dim + 1));
        foreach (int i in Indices(shape[dim], summarize))
        {
            if (dim == shape.Length - 1) visit(values[offset + i]);
            else Visit(values, shape, dim + 1, offset + i * stride, summarize, visit);
        }
    }

    private static IEnumerable<int> Indices(int n, bool summarize) =>
        summarize && n > 2 * EdgeItems
            ? Enumerable.Range(0, EdgeItems).Concat(Enumerable.Range(n - EdgeItems, EdgeItems))
            : Enumerable.Range(0, n);

    private static void Append(StringBuilder sb, double[] values, int[] shape, int dim, int offset, bool summarize, Func<double, string> format, int indent)
    {
        if (shape.Length == 0) { sb.Append(format(values[0]).Trim()); return; }
        sb.Append('[');
        int n = shape[dim], stride = Shapes.Product(shape.AsSpan(dim + 1));
        bool first = true;
        int previous = -1;
        foreach (int i in Indices(n, summarize))
        {
            if (!first)
            {
                sb.Append(',');
                if (dim == shape.Length - 1) sb.Append(' ');
                else sb.Append('\n', shape.Length - 1 - dim).Append(' ', indent + dim + 1);
            }
            if (previous >= 0 && i != previous + 1)
            {
                sb.Append("...,");
                if (dim == shape.Length - 1) sb.Append(' ');
                else sb.Append('\n', shape.Length - 1 - dim).Append(' ', indent + dim + 1);
            }
            if (dim == shape.Length - 1) sb.Append(format(values[offset + i]));
            else Append(sb, values, shape, dim + 1, offset + i * stride, summarize, format, indent);
            first = false;
            previous = i;
        }
        sb.Append(']');
    }

    private static Func<double, string> NumberFormat(DType dtype, IEnumerable<double> shown)
    {
        var inv = CultureInfo.InvariantCulture;
        if (dtype == DType.Bool) return v => v != 0 ? "True" : "False";
        if (dtype == DType.Int64) return v => ((long)v).ToString(inv);
        var finite = shown.Where(double.IsFinite).ToArray();
        if (finite.All(v => v == Math.Floor(v)))
        {
            double maxWhole = finite.Select(Math.Abs).DefaultIfEmpty(0).Max();
            if (maxWhole < 1e8) return v => double.IsFinite(v) ? v.ToString("0", inv) + "." : Special(v);
        }
        var nonZero = finite.Select(Math.Abs).Where(v => v > 0).ToArray();
        bool scientific = nonZero.Length > 0 && (nonZero.Max() / nonZero.Min() > 1000 || nonZero.Max() > 1e8 || nonZero.Min() < 1e-4);
        return scientific
            ? v => double.IsFinite(v) ? v.ToString("0.0000e+00", inv) : Special(v)
            : v => double.IsFinite(v) ? v.ToString("0.0000", inv) : Special(v);
    }

    private static string Special(double v) => double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
}
