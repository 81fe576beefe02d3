using System.Globalization;
using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>Reads scikit-learn's bundled classification CSVs: per line, the features and then an integer class label.</summary>
internal static class SklearnCsv
{
    /// <summary>Features float32 [N, features] and labels int64 [N] from <paramref name="path"/>, after <paramref name="headerLines"/> lines.</summary>
    public static TensorDataset Load(string path, int features, int headerLines)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The committed dataset file '{path}' is missing; rebuild CourseCompanion so data/ is copied beside the assembly.", path);
        var lines = File.ReadLines(path).Skip(headerLines).Where(l => l.Length > 0).ToArray();
        var x = new float[lines.Length * features];
        var y = new long[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != features + 1)
                throw new InvalidDataException($"'{path}' line {i + headerLines + 1} has {cells.Length} values, expected {features + 1}.");
            for (int j = 0; j < features; j++) x[i * features + j] = float.Parse(cells[j], CultureInfo.InvariantCulture);
            y[i] = (long)double.Parse(cells[features], CultureInfo.InvariantCulture);
        }
        return new TensorDataset(new Tensor(x, [lines.Length, features], DType.Float32), new Tensor(y, [lines.Length], DType.Int64));
    }
}
