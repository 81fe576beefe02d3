using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using CourseCompanion.Tensors;

namespace CourseCompanion.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 28×28 grey images of 10 kinds of clothing, 60,000 for training and 10,000 for testing.
/// Images are float32 [N, 1, 28, 28] in [0, 1], labels int64 in 0…9. <see cref="Source"/> says where the files were found
/// (see <see cref="FashionMnistLookup"/> for the look-up order); without the full set it falls back to the committed 6,000 + 1,000 subset.
/// </summary>
public sealed class FashionMnist
{
    /// <summary>The class names, indexed by label.</summary>
    public static readonly IReadOnlyList<string> Classes =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private const string InstallHint = "Install the full set with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu), " +
                                       "or put the four IDX files in a directory and pass its path or set COURSECOMPANION_DATA to its parent.";

    private FashionMnist(TensorDataset train, TensorDataset test, DataSource source)
    {
        Train = train;
        Test = test;
        Source = source;
    }

    /// <summary>Training images and labels.</summary>
    public TensorDataset Train { get; }

    /// <summary>Test images and labels.</summary>
    public TensorDataset Test { get; }

    /// <summary>Where the files came from.</summary>
    public DataSource Source { get; }

    /// <summary>Loads from <paramref name="path"/> if given, else from the first place in the default look-up order that has the files.</summary>
    public static FashionMnist Load(string? path = null, bool download = true) =>
        Load(new FashionMnistLookup { Path = path, Mirror = download ? FashionMnistLookup.OfficialMirror : null });

    /// <summary>Loads from the first place of <paramref name="lookup"/> that has the files.</summary>
    public static FashionMnist Load(FashionMnistLookup lookup)
    {
        var looked = new List<string>();
        string? note = null;
        foreach (var (kind, directory) in lookup.Candidates())
        {
            looked.Add($"{kind}: {directory}");
            if (kind == DataSourceKind.DownloadCache && !HasAnyFile(directory) && lookup.Mirror is not null)
                note = TryDownload(lookup.Mirror, lookup.Checksums, directory);
            if (!HasAnyFile(directory)) continue;
            try
            {
                return new FashionMnist(ReadSplit(directory, "train"), ReadSplit(directory, "t10k"),
                                        new DataSource(kind, directory, kind == DataSourceKind.CommittedSubset ? note : null));
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                throw new InvalidDataException($"Fashion-MNIST in {directory} is incomplete or corrupt: {e.Message}\n" +
                                               $"Looked in:\n  {string.Join("\n  ", looked)}\n{InstallHint}", e);
            }
        }
        throw new FileNotFoundException($"Fashion-MNIST was not found{(note is null ? "" : $" ({note})")}. Looked in:\n  {string.Join("\n  ", looked)}\n{InstallHint}");
    }

    private static string? TryDownload(Uri mirror, IReadOnlyDictionary<string, string> checksums, string directory)
    {
        try
        {
            foreach (var (file, checksum) in checksums)
                Download.File(new Uri(mirror, file), Path.Combine(directory, file), checksum);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(directory))
                foreach (var file in checksums.Keys) File.Delete(Path.Combine(directory, file));
            return $"download from {mirror} failed: {e.Message}";
        }
    }

    private static readonly string[] FileNames = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    private static bool HasAnyFile(string directory) =>
        FileNames.Any(f => File.Exists(Path.Combine(directory, f + ".gz")) || File.Exists(Path.Combine(directory, f)));

    private static string FindFile(string directory, string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
            if (File.Exists(Path.Combine(directory, candidate))) return Path.Combine(directory, candidate);
        throw new FileNotFoundException($"missing {name}.gz (or uncompressed {name}) in {directory}.");
    }

    /// <summary>Images and labels of one split ("train" or "t10k") of a directory.</summary>
    private static TensorDataset ReadSplit(string directory, string split)
    {
        string imagePath = FindFile(directory, $"{split}-images-idx3-ubyte"), labelPath = FindFile(directory, $"{split}-labels-idx1-ubyte");
        var (imageShape, pixels) = Idx.Read(imagePath);
        var (labelShape, labelBytes) = Idx.Read(labelPath);
        if (imageShape is not [var n, 28, 28])
            throw new InvalidDataException($"'{imagePath}' holds shape [{string.Join(", ", imageShape)}]; expected [N, 28, 28] images.");
        if (labelShape is not [var m] || m != n)
            throw new InvalidDataException($"'{labelPath}' holds shape [{string.Join(", ", labelShape)}]; expected [{n}] labels to match '{imagePath}'.");
        if (labelBytes.Any(b => b >= Classes.Count))
            throw new InvalidDataException($"'{labelPath}' holds a label outside 0…9.");
        var images = new float[pixels.Length];
        TensorPrimitives.ConvertChecked<byte, float>(pixels, images);
        TensorPrimitives.Divide(images, 255f, images);
        var labels = new long[n];
        for (int i = 0; i < n; i++) labels[i] = labelBytes[i];
        return new TensorDataset(new Tensor(images, [n, 1, 28, 28], DType.Float32), new Tensor(labels, [n], DType.Int64));
    }
}
