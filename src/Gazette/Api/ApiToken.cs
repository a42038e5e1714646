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

    /// <summary>Tokens a user may hold at once (not revoked), so a leaked session cannot mint them without end.</summary>
    public const int MaxActivePerUser = 20;

    /// <summary>The longest lifetime a token may be given, in days.</summary>
    public const int MaxLifetimeDays = 3650;

    public const int MaxNameLength = 100;

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

    /// <summary>
    /// A new token of <paramref name="userId"/>'s, to be added to the database, and its text: shown once, to whoever asked
    /// (the token page, the <c>tokens create</c> verb), since only its hash is kept.
    /// </summary>
    public static (ApiToken Token, string Secret) Issue(string userId, string name, DateTime nowUtc, int? expiresInDays)
    {
        var secret = NewSecret();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Hash = HashOf(secret),
            Prefix = PrefixOf(secret),
            CreatedAt = nowUtc,
            ExpiresAt = expiresInDays is { } days ? nowUtc.AddDays(days) : null,
        };
        return (token, secret);
    }

    /// <summary>A new random token text: <c>gz_</c> and 32 random bytes in URL-safe base 64.</summary>
    public static string NewSecret() =>
        Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token[..Math.Min(token.Length, Scheme.Length + 6)];
}
