using System.Security.Cryptography;
using System.Text;

namespace SelfReview.Pipeline.Access;

/// <summary>
/// API keys: 32 random bytes (RandomNumberGenerator) shown once as <c>srk_</c> + base64url; stored as the
/// SHA-256 of a per-key random salt and the key. A key has 256 bits of entropy, so one hash round is
/// enough (no dictionary to slow down, unlike a password); comparison is constant-time.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "srk_";

    /// <summary>A new key and the entry that stores it; the key itself is not kept anywhere.</summary>
    public static (string Key, ApiKeyEntry Entry) Create(string name, DateTimeOffset now)
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var salt = RandomNumberGenerator.GetBytes(16);
        return (key, new ApiKeyEntry(name, Convert.ToBase64String(salt), Convert.ToBase64String(Hash(salt, key)), now));
    }

    /// <summary>The stored key that <paramref name="presented"/> is, or null. Every entry is compared, in constant time each.</summary>
    public static ApiKeyEntry? Find(IEnumerable<ApiKeyEntry> keys, string presented)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(presented);
        ApiKeyEntry? found = null;
        foreach (var entry in keys)
        {
            if (Matches(entry, presented))
            {
                found = entry;
            }
        }

        return found;
    }

    public static bool Matches(ApiKeyEntry entry, string presented)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(Convert.FromBase64String(entry.Salt), presented);
        return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(entry.Hash));
    }

    private static byte[] Hash(byte[] salt, string key)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var input = new byte[salt.Length + keyBytes.Length];
        salt.CopyTo(input, 0);
        keyBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
