using System.Globalization;
using System.Text;
using CourseCompanion.Tensors;

namespace CourseCompanion.NN;

/// <summary>The layer table behind <see cref="Module.Summary"/>: output shape per layer (for a Sequential) and parameter counts.</summary>
internal static class ModuleSummary
{
    public static string Format(Module model, int[] inputShape)
    {
        var rows = new List<(string Name, string Shape, long Count)>();
        if (model is Sequential seq && inputShape.Length > 0)
        {
            var x = Tensor.Zeros(inputShape);
            using (Autograd.NoGrad())
                for (int i = 0; i < seq.Layers.Count; i++)
                {
                    x = seq.Layers[i].Forward(x);
                    rows.Add(($"{i}: {seq.Layers[i].GetType().Name}", "[" + string.Join(", ", x.Shape) + "]", seq.Layers[i].ParameterCount));
                }
        }
        else
        {
            foreach (var (name, child) in model.NamedChildren()) rows.Add(($"{name}: {child.GetType().Name}", "", child.ParameterCount));
        }
        int w = Math.Max(5, rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max());
        int s = Math.Max(12, rows.Select(r => r.Shape.Length).DefaultIfEmpty(0).Max());
        var sb = new StringBuilder();
        sb.Append("Layer".PadRight(w)).Append("  ").Append("Output shape".PadRight(s)).Append("  Parameters\n");
        foreach (var (name, shape, count) in rows)
            sb.Append(name.PadRight(w)).Append("  ").Append(shape.PadRight(s)).Append("  ").Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("Total parameters: ").Append(model.ParameterCount.ToString("N0", CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
