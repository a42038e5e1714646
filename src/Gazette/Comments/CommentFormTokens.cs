using System.Globalization;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Gazette.Comments;

/// <summary>
/// The signed token in each comment form: which story, when the form was rendered, and a one-time id. Data
/// protection signs and encrypts it with the keys every node shares and refuses it once its lifetime is over.
/// </summary>
public sealed class CommentFormTokens(IDataProtectionProvider protection, IOptions<CommentOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Gazette.Comments.FormToken.v1").ToTimeLimitedDataProtector();

    public sealed record Token(Guid Id, int ArticleId, DateTime IssuedAt, DateTime ExpiresAt);

    public string Issue(int articleId) => Issue(articleId, clock.GetUtcNow().UtcDateTime);

    /// <summary>A token as if the form had been rendered at <paramref name="issuedAt"/>.</summary>
    public string Issue(int articleId, DateTime issuedAt)
    {
        var payload = string.Join('|', Guid.NewGuid().ToString("N"), articleId.ToString(CultureInfo.InvariantCulture),
            issuedAt.Ticks.ToString(CultureInfo.InvariantCulture));
        return protector.Protect(payload, new DateTimeOffset(issuedAt + options.Value.FormLifetime, TimeSpan.Zero));
    }

    /// <summary>The token's contents, or null when it is missing, forged, altered or expired.</summary>
    public Token? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
            return null;
        try
        {
            var payload = protector.Unprotect(token, out var expiration);
            var parts = payload.Split('|');
            if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var id)
                || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var articleId)
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ticks))
                return null;
            if (expiration.UtcDateTime <= clock.GetUtcNow().UtcDateTime)
                return null;
            return new Token(id, articleId, new DateTime(ticks, DateTimeKind.Utc), expiration.UtcDateTime);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
