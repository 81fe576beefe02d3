using CourseCompanion.Data;
using CourseCompanion.Tensors;

namespace CourseCompanion.Tests.Data;

public class FashionMnistTests
{
    /// <summary>A look-up that sees none of this machine's copies (no env var, no Debian directory, empty cache, no download).</summary>
    private static FashionMnistLookup Isolated() => new()
    {
        DataRoot = null,
        DebianDirectory = Path.Combine(IdxFiles.TempDirectory(), "absent"),
        CacheDirectory = Path.Combine(IdxFiles.TempDirectory(), "cache"),
        Mirror = null,
    };

    [Fact]
    public void CommittedSubsetLoadsWithExpectedShapesAndValues()
    {
        var data = FashionMnist.Load(Isolated());
        Assert.Equal(DataSourceKind.CommittedSubset, data.Source.Kind);
        Assert.Equal(6000, data.Train.Count);
        Assert.Equal(1000, data.Test.Count);
        Assert.Equal([6000, 1, 28, 28], data.Train.Inputs.Shape);
        Assert.Equal(DType.Float32, data.Train.Inputs.DType);
        Assert.Equal(DType.Int64, data.Train.Targets.DType);
        var pixels = data.Train.Inputs.ToArray<float>();
        Assert.Equal(0f, pixels.Min());
        Assert.Equal(1f, pixels.Max());
        Assert.Equal(76247 / 255.0, pixels.Take(784).Sum(v => (double)v), 3); // sum of the first image's bytes, from make_subset.py's source
        var labels = data.Train.Targets.ToArray<long>();
        Assert.Equal(9, labels[0]); // the first training image is an ankle boot
        Assert.Equal("Ankle boot", FashionMnist.Classes[(int)labels[0]]);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), labels.Distinct().Order());
        Assert.Equal([9L, 2, 1, 1, 6], data.Test.Targets.ToArray<long>()[..5]);
    }

    [Fact]
    public void EnvironmentVariableBeatsDebianDirectory()
    {
        var root = IdxFiles.TempDirectory();
        Directory.Move(IdxFiles.FashionDirectory(3, 1), Path.Combine(root, "fashion-mnist"));
        var lookup = Isolated() with { DataRoot = root, DebianDirectory = IdxFiles.FashionDirectory(2, 2) };
        var data = FashionMnist.Load(lookup);
        Assert.Equal(DataSourceKind.EnvironmentVariable, data.Source.Kind);
        Assert.Equal(3, data.Train.Count);
        Assert.Equal(1, data.Train.Targets.ToArray<long>()[0]);

        var withoutEnv = FashionMnist.Load(lookup with { DataRoot = null });
        Assert.Equal(DataSourceKind.DebianPackage, withoutEnv.Source.Kind);
        Assert.Equal(2, withoutEnv.Train.Count);
    }

    [Fact]
    public void ExplicitPathBeatsEnvironmentVariableAndRawFilesWork()
    {
        var root = IdxFiles.TempDirectory();
        Directory.Move(IdxFiles.FashionDirectory(3, 1), Path.Combine(root, "fashion-mnist"));
        var explicitDir = IdxFiles.TempDirectory();
        foreach (var (name, bytes) in IdxFiles.FashionFiles(4, 7)) // uncompressed this time
            File.WriteAllBytes(Path.Combine(explicitDir, name[..^3]), Gunzip(bytes));
        var data = FashionMnist.Load(Isolated() with { Path = explicitDir, DataRoot = root });
        Assert.Equal(DataSourceKind.ExplicitPath, data.Source.Kind);
        Assert.Equal(4, data.Test.Count);
        Assert.Equal([4, 1, 28, 28], data.Test.Inputs.Shape);
        Assert.Equal(1f / 255, data.Test.Inputs.ToArray<float>()[1]);
    }

    [Fact]
    public void MissingExplicitPathListsWhereItLookedAndHowToInstall()
    {
        var missing = Path.Combine(IdxFiles.TempDirectory(), "nowhere");
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(Isolated() with { Path = missing }));
        Assert.Contains(missing, e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void CorruptOrIncompleteDirectoryIsAnErrorNotASilentFallback()
    {
        var dir = IdxFiles.FashionDirectory(2, 0);
        File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte.gz"), IdxFiles.Gzip(IdxFiles.Bytes([3], [0, 1, 2])));
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(Isolated() with { DebianDirectory = dir }));
        Assert.Contains("t10k-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", e.Message);

        File.Delete(Path.Combine(dir, "t10k-labels-idx1-ubyte.gz"));
        Assert.Contains("missing t10k-labels-idx1-ubyte", Assert.Throws<InvalidDataException>(() => FashionMnist.Load(Isolated() with { DebianDirectory = dir })).Message);
    }

    [Fact]
    public void DownloadFillsTheCacheWhenChecksumsMatch()
    {
        var files = IdxFiles.FashionFiles(5, 3);
        using var server = new LoopbackServer(files);
        var checksums = files.ToDictionary(f => f.Key, f => Convert.ToHexString(System.Security.Cryptography.MD5.HashData(f.Value)).ToLowerInvariant());
        var lookup = Isolated() with { Mirror = server.BaseUrl, Checksums = checksums };
        var data = FashionMnist.Load(lookup);
        Assert.Equal(DataSourceKind.DownloadCache, data.Source.Kind);
        Assert.Equal(5, data.Train.Count);
        Assert.Equal(4, server.Requests);
        Assert.Equal(5, FashionMnist.Load(lookup).Train.Count); // the second load reads the cache
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public void ChecksumMismatchLeavesNoFilesAndFallsBackToTheSubsetWithANote()
    {
        using var server = new LoopbackServer(IdxFiles.FashionFiles(5, 3));
        var lookup = Isolated() with { Mirror = server.BaseUrl }; // the official MD5s cannot match these files
        var data = FashionMnist.Load(lookup);
        Assert.Equal(DataSourceKind.CommittedSubset, data.Source.Kind);
        Assert.Contains("is corrupt", data.Source.Note);
        Assert.Contains("8d4fb7e6c68d591d4c3dfef9ec88bf0d", data.Source.Note);
        Assert.Empty(Directory.GetFiles(lookup.CacheDirectory));
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gz), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
