using CourseCompanion.Data;
using CourseCompanion.Reference;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Reference;

/// <summary>
/// The exercises' data layer (Helpers.IrisData / DigitData) over the committed datasets: features divided by their
/// absolute maximum, one-hot labels, a seeded shuffle, the first 2/3 for training (served in shuffled batches,
/// reshuffled every epoch) and the rest for testing.
/// </summary>
internal sealed class ExerciseDataLayer : IDataLayer
{
    private readonly Tensor _trainX, _trainY;
    private readonly Generator _generator;
    private readonly int _batchSize;
    private int[] _order = [];
    private int _position;

    public Tensor TestInput { get; }
    public Tensor TestLabel { get; }

    public static ExerciseDataLayer Iris(int batchSize, ulong seed) => new(CourseCompanion.Data.Iris.Load(), 3, [4], batchSize, seed);

    public static ExerciseDataLayer Digits(int batchSize, ulong seed) => new(CourseCompanion.Data.Digits.Load(), 10, [1, 8, 8], batchSize, seed);

    private ExerciseDataLayer(TensorDataset data, int classes, int[] sampleShape, int batchSize, ulong seed)
    {
        int n = data.Count;
        var x = data.Inputs.Double();
        var all = (x / x.Abs().Max().Item()).Reshape([n, .. sampleShape]);
        var oneHot = Tensor.OneHot(data.Targets, classes).Double();
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
