using System.Globalization;
using System.IO.Compression;
using CourseCompanion.Reference;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Reference;

/// <summary>
/// TEST-ONLY loader for Iris and the 8×8 digits from Debian's python3-sklearn CSVs, shaped like the exercises'
/// Helpers.IrisData / DigitData: features divided by their absolute maximum, one-hot labels, a seeded shuffle,
/// the first 2/3 for training (served in shuffled batches, reshuffled every epoch) and the rest for testing.
/// Replace with the data helper's loaders (data/ on branch 'data') once that branch is merged.
/// </summary>
internal sealed class SklearnCsvData : IDataLayer
{
    private const string Directory = "/usr/lib/python3/dist-packages/sklearn/datasets/data";
    private readonly Tensor _trainX, _trainY;
    private readonly Generator _generator;
    private readonly int _batchSize;
    private int[] _order = [];
    private int _position;

    public Tensor TestInput { get; }
    public Tensor TestLabel { get; }

    public static bool Available => File.Exists(Path.Combine(Directory, "iris.csv")) && File.Exists(Path.Combine(Directory, "digits.csv.gz"));

    public static SklearnCsvData Iris(int batchSize, ulong seed)
    {
        var rows = File.ReadLines(Path.Combine(Directory, "iris.csv")).Skip(1).Where(l => l.Length > 0).ToList();
        return new SklearnCsvData(rows, 4, 3, [4], batchSize, seed);
    }

    public static SklearnCsvData Digits(int batchSize, ulong seed)
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(Directory, "digits.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var rows = new List<string>();
        while (reader.ReadLine() is { } line) if (line.Length > 0) rows.Add(line);
        return new SklearnCsvData(rows, 64, 10, [1, 8, 8], batchSize, seed);
    }

    private SklearnCsvData(List<string> rows, int features, int classes, int[] sampleShape, int batchSize, ulong seed)
    {
        int n = rows.Count;
        var x = new double[n * features];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            var parts = rows[i].Split(',');
            for (int j = 0; j < features; j++) x[i * features + j] = double.Parse(parts[j], CultureInfo.InvariantCulture);
            labels[i] = (int)double.Parse(parts[features], CultureInfo.InvariantCulture);
        }
        double max = x.Max(Math.Abs);
        var all = Tensor.FromArray(x.Select(v => v / max).ToArray(), [n, .. sampleShape]);
        var oneHot = Tensor.OneHot(Tensor.FromArray(labels), classes).Double();
        _generator = new Generator(seed);
        var perm = Tensor.Randperm(n, _generator);
        all = all.IndexSelect(0, perm);
        oneHot = oneHot.IndexSelect(0, perm);
        int split = n * 2 / 3;
        _trainX = all.Narrow(0, 0, split).Contiguous();
        _trainY = oneHot.Narrow(0, 0, split).Contiguous();
        TestInput = all.Narrow(0, split, n - split).Contiguous();
        TestLabel = oneHot.Narrow(0, split, n - split).Contiguous();
        _batchSize = batchSize;
    }

    public (Tensor Input, Tensor Label) Next()
    {
        int split = _trainX.Size(0);
        if (_position >= _order.Length)
        {
            _order = Tensor.Randperm(split, _generator).ToArray<long>().Select(v => (int)v).ToArray();
            _position = 0;
        }
        int take = Math.Min(_batchSize, _order.Length - _position);
        var idx = Tensor.FromArray(_order.Skip(_position).Take(take).ToArray());
        _position += take;
        return (_trainX.IndexSelect(0, idx), _trainY.IndexSelect(0, idx));
    }

    /// <summary>The exercises' calculate_accuracy: the argmax of the prediction equals the one-hot label's class.</summary>
    public static double Accuracy(Tensor prediction, Tensor label) =>
        prediction.Argmax(1).Eq(label.Argmax(1)).Double().Mean().Item();
}
