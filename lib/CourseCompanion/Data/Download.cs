using System.Security.Cryptography;

namespace CourseCompanion.Data;

/// <summary>Fetches a file over HTTP into a local path and verifies it against a known MD5 (32 hex digits) or SHA-256 (64) checksum.</summary>
internal static class Download
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = TimeSpan.FromMinutes(10),
    };

    /// <summary>Downloads <paramref name="url"/> to <paramref name="destination"/> (via a temporary file, moved only once the checksum matches).</summary>
    public static void File(Uri url, string destination, string checksum)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var partial = destination + ".part";
        try
        {
            using (var response = Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult())
            {
                response.EnsureSuccessStatusCode();
                using var target = System.IO.File.Create(partial);
                response.Content.ReadAsStream().CopyTo(target);
            }
            var actual = Hash(partial, checksum.Length);
            if (!actual.Equals(checksum, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"Download of {url} is corrupt: its {(checksum.Length == 32 ? "MD5" : "SHA-256")} is {actual}, expected {checksum}.");
            System.IO.File.Move(partial, destination, overwrite: true);
        }
        finally
        {
            System.IO.File.Delete(partial);
        }
    }

    /// <summary>The lower-case hex MD5 (length 32) or SHA-256 (length 64) of a file.</summary>
    public static string Hash(string path, int hexLength)
    {
        using var stream = System.IO.File.OpenRead(path);
        var hash = hexLength switch
        {
            32 => MD5.HashData(stream),
            64 => SHA256.HashData(stream),
            _ => throw new ArgumentException($"A checksum has 32 (MD5) or 64 (SHA-256) hex digits, not {hexLength}."),
        };
        return Convert.ToHexString(hash).ToLowerInvariant();
    }
}
