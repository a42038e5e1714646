using System.Security.Cryptography;
using System.Text;

namespace Gazette.Api;

/// <summary>
/// A newsroom user's key to the admin API. Only the SHA-256 of the secret is stored: the token itself is shown once,
/// at creation, and a leaked database does not hand out working tokens.
/// </summary>
public class ApiToken
{
    public const string Scheme = "gz_";

    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole token text.</summary>
    public required string Hash { get; set; }

    /// <summary>The token's first characters, enough to tell tokens apart in a list without revealing them.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public bool IsActive(DateTime nowUtc) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > nowUtc);

    /// <summary>A new random token text: <c>gz_</c> and 32 random bytes in URL-safe base 64.</summary>
    public static string NewSecret() =>
        Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token[..Math.Min(token.Length, Scheme.Length + 6)];
}
