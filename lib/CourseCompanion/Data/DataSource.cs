namespace CourseCompanion.Data;

/// <summary>Where a dataset was loaded from, in look-up order.</summary>
public enum DataSourceKind
{
    /// <summary>A directory passed to the loader.</summary>
    ExplicitPath,
    /// <summary>Below the directory named by the <c>COURSECOMPANION_DATA</c> environment variable.</summary>
    EnvironmentVariable,
    /// <summary>Installed by a Debian package (e.g. <c>dataset-fashion-mnist</c>).</summary>
    DebianPackage,
    /// <summary>Downloaded earlier (or just now) into the user cache, checksums verified.</summary>
    DownloadCache,
    /// <summary>The small subset committed with CourseCompanion, which always works offline.</summary>
    CommittedSubset,
}

/// <summary>Which source a loader used and where it is, for a notebook to print; <see cref="Note"/> says why earlier sources were skipped.</summary>
public sealed record DataSource(DataSourceKind Kind, string Location, string? Note = null)
{
    /// <summary>E.g. "Debian package (/usr/share/datasets/fashion-mnist)".</summary>
    public override string ToString()
    {
        var kind = Kind switch
        {
            DataSourceKind.ExplicitPath => "explicit path",
            DataSourceKind.EnvironmentVariable => "COURSECOMPANION_DATA",
            DataSourceKind.DebianPackage => "Debian package",
            DataSourceKind.DownloadCache => "download cache",
            _ => "committed subset",
        };
        return Note is null ? $"{kind} ({Location})" : $"{kind} ({Location}); {Note}";
    }
}
