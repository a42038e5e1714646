using System.Text.Json;

using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Comments;

/// <summary>
/// A commenter's rights over their data: everything stored under an e-mail address, as a list or a JSON download,
/// and its erasure. Erasing empties the name, address, website, text, IP hash and the moderators' copies of the text
/// (spam feedback); the row stays so that replies keep their place, shown as "comment removed".
/// </summary>
public sealed class CommentPrivacy(GazetteDb db, SiteContext site, IDataProtectionProvider protection, IOptions<CommentOptions> options,
    TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector links = protection.CreateProtector("Gazette.Comments.PrivacyLink.v1").ToTimeLimitedDataProtector();

    public sealed record StoredComment(int Id, string Story, string StoryUrl, string Name, string Email, string? Website, string Text,
        string Status, DateTime CreatedAt, bool SubscribedToReplies, bool IpHashKept);

    public string LinkToken(string email) =>
        links.Protect(email, clock.GetUtcNow() + options.Value.PrivacyLinkLifetime);

    /// <summary>The address a link token was made for, or null when it is forged or expired.</summary>
    public string? ReadLinkToken(string? token)
    {
        if (token is not { Length: > 0 and < 2000 })
            return null;
        try
        {
            var email = links.Unprotect(token, out var expiration);
            return expiration > clock.GetUtcNow() ? email : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task<List<StoredComment>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = CommentInput.NormalizeEmail(email) ?? email.Trim().ToLowerInvariant();
        var zone = (await site.GetAsync(cancellationToken)).TimeZone;
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.Email == normalized && c.ErasedAt == null)
            .Join(db.Articles.IgnoreQueryFilters(), c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Headline, a.Language, a.Slug, a.PublishedAt, a.CreatedAt })
            .OrderBy(x => x.Comment.CreatedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new StoredComment(x.Comment.Id, x.Headline,
            Addresses.Comment(Addresses.Story(x.Language, x.Slug, x.PublishedAt ?? x.CreatedAt, zone), x.Comment.Id),
            x.Comment.AuthorName, x.Comment.Email, x.Comment.Website, x.Comment.Text, x.Comment.Status.ToString(), x.Comment.CreatedAt,
            x.Comment.NotifyReplies, x.Comment.IpHash is not null)).ToList();
    }

    public async Task<byte[]> ExportAsync(string email, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeToUtf8Bytes(new { email = email.Trim().ToLowerInvariant(), comments = await FindAsync(email, cancellationToken) },
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>Erases every comment of <paramref name="email"/>; returns how many.</summary>
    public async Task<int> EraseAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = CommentInput.NormalizeEmail(email) ?? email.Trim().ToLowerInvariant();
        if (normalized.Length == 0)
            return 0;
        var comments = await db.Comments.Where(c => c.Email == normalized && c.ErasedAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var comment in comments)
        {
            comment.AuthorName = "";
            comment.Email = "";
            comment.Website = null;
            comment.Text = "";
            comment.IpHash = null;
            comment.SpamReasons = "";
            comment.NotifyReplies = false;
            comment.ErasedAt = now;
        }
        var ids = comments.Select(c => c.Id).ToList();
        db.SpamFeedback.RemoveRange(await db.SpamFeedback.Where(f => f.CommentId != null && ids.Contains(f.CommentId.Value)).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return comments.Count;
    }
}
