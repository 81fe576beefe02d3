namespace CourseCompanion.Data;

/// <summary>
/// Where <see cref="FashionMnist.Load(FashionMnistLookup)"/> looks, in this order: <see cref="Path"/> (if given, only there);
/// <c>$COURSECOMPANION_DATA/fashion-mnist</c>; the Debian package's directory; the download cache, filled from <see cref="Mirror"/>
/// (null: no download) with MD5 checks; the committed subset. A directory counts once any of the four files is in it, and must then be complete and valid.
/// </summary>
public sealed record FashionMnistLookup
{
    /// <summary>Where torchvision downloads Fashion-MNIST from (Zalando Research's S3 bucket).</summary>
    public static readonly Uri OfficialMirror = new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /// <summary>MD5 of the official gzipped files (the checksums torchvision uses).</summary>
    public static readonly IReadOnlyDictionary<string, string> OfficialMd5 = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte.gz"] = "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
        ["train-labels-idx1-ubyte.gz"] = "25c81989df183df01b3e8a0aad5dffbe",
        ["t10k-images-idx3-ubyte.gz"] = "bef4ecab320f06d8554ea6380940ec79",
        ["t10k-labels-idx1-ubyte.gz"] = "bb300cfdad3c16e7a12a480ee83cd310",
    };

    /// <summary>A directory holding the four files; when set, nothing else is tried.</summary>
    public string? Path { get; init; }

    /// <summary>The data root from the <c>COURSECOMPANION_DATA</c> environment variable; Fashion-MNIST is looked for in its <c>fashion-mnist</c> folder.</summary>
    public string? DataRoot { get; init; } = Environment.GetEnvironmentVariable("COURSECOMPANION_DATA");

    /// <summary>Where <c>apt-get install dataset-fashion-mnist</c> puts the files.</summary>
    public string DebianDirectory { get; init; } = "/usr/share/datasets/fashion-mnist";

    /// <summary>The download cache: <c>$XDG_CACHE_HOME/coursecompanion/fashion-mnist</c>, by default <c>~/.cache/coursecompanion/fashion-mnist</c>.</summary>
    public string CacheDirectory { get; init; } = System.IO.Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "coursecompanion", "fashion-mnist");

    /// <summary>Base URL to download the official files from, or null to never download.</summary>
    public Uri? Mirror { get; init; } = OfficialMirror;

    /// <summary>Expected MD5 (or SHA-256) of each downloaded file, by file name.</summary>
    public IReadOnlyDictionary<string, string> Checksums { get; init; } = OfficialMd5;

    /// <summary>The committed 6,000 + 1,000 example subset (copied next to the assembly at build time).</summary>
    public string SubsetDirectory { get; init; } = DataFiles.Directory("fashion-mnist-subset");

    /// <summary>The directories to try, in order, with the kind of source each one is.</summary>
    internal IEnumerable<(DataSourceKind Kind, string Directory)> Candidates()
    {
        if (Path is not null)
        {
            yield return (DataSourceKind.ExplicitPath, Path);
            yield break;
        }
        if (!string.IsNullOrEmpty(DataRoot)) yield return (DataSourceKind.EnvironmentVariable, System.IO.Path.Combine(DataRoot, "fashion-mnist"));
        yield return (DataSourceKind.DebianPackage, DebianDirectory);
        yield return (DataSourceKind.DownloadCache, CacheDirectory);
        yield return (DataSourceKind.CommittedSubset, SubsetDirectory);
    }
}
