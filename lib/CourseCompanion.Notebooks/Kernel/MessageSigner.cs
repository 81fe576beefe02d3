using System.Security.Cryptography;
using System.Text;

namespace CourseCompanion.Notebooks.Kernel;

/// <summary>
/// HMAC-SHA256 over header, parent header, metadata and content, as lowercase hex (jupyter_client's session.py).
/// An empty key disables signing: signatures are empty and not checked, as the protocol specifies.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Enabled => _key.Length > 0;

    public string Sign(IEnumerable<byte[]> parts)
    {
        if (!Enabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Constant-time comparison of the expected and the given signature.</summary>
    public bool Verify(byte[] signature, IEnumerable<byte[]> parts)
    {
        if (!Enabled) return true;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts)), signature);
    }
}
