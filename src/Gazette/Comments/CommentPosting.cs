using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>
/// A reader's comment from form to database: the token (signed, this story's, not expired, not used before), the
/// story (public and open), the fields, the reply's parent (same story, approved), the per-address limit, then the
/// screening. Anything refused stores nothing and says why in the story's language.
/// </summary>
public sealed class CommentPosting(GazetteDb db, CommentFormTokens tokens, CommentScreening screening, IpHasher ipHasher, SiteContext site,
    CommentRateLimits limits, CommentNotifications notifications, TimeProvider clock)
{
    public sealed record Outcome(int StatusCode, Article? Article, Labels Labels, Comment? Comment, Dictionary<string, string> Errors);

    public async Task<Outcome> PostAsync(CommentInput input, string? requestLanguage, System.Net.IPAddress? address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        var article = input.ArticleId > 0
            ? await db.Articles.AsNoTracking().WherePublic(now).FirstOrDefaultAsync(a => a.Id == input.ArticleId, cancellationToken)
            : null;
        var t = Labels.For(article?.Language ?? requestLanguage ?? settings.DefaultLanguage);
        Outcome Refuse(int status, string field, string message) => new(status, article, t, null, new Dictionary<string, string> { [field] = message });

        if (article is null)
            return Refuse(StatusCodes.Status404NotFound, "", t["CommentStoryUnavailable"]);
        if (!CommentThreads.IsOpen(article, settings, now))
            return Refuse(StatusCodes.Status403Forbidden, "", t["CommentsClosedNow"]);
        var token = tokens.Read(input.Token);
        if (token is null || token.ArticleId != article.Id)
            return Refuse(StatusCodes.Status400BadRequest, "", t["CommentFormInvalid"]);

        var errors = input.Check(t, out var clean);
        if (errors.Count > 0)
            return new Outcome(StatusCodes.Status400BadRequest, article, t, null, errors);

        Comment? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(
                c => c.Id == parentId && c.ArticleId == article.Id && c.Status == CommentStatus.Approved && c.ErasedAt == null, cancellationToken);
            if (parent is null)
                return Refuse(StatusCodes.Status400BadRequest, "", t["CommentReplyInvalid"]);
        }
        if (!limits.TryAcquireEmail(clean.Email))
            return Refuse(StatusCodes.Status429TooManyRequests, "", t["CommentTooMany"]);
        if (await db.CommentFormUses.AnyAsync(u => u.Id == token.Id, cancellationToken))
            return Refuse(StatusCodes.Status400BadRequest, "", t["CommentFormReplayed"]);

        var ipHash = await ipHasher.HashAsync(address, cancellationToken);
        var decision = await screening.DecideAsync(clean,
            new CommentScreening.Signals(!string.IsNullOrEmpty(input.Extra), now - token.IssuedAt, ipHash, address), settings, cancellationToken);
        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = parent?.Id,
            AuthorName = clean.Name,
            Email = clean.Email,
            Website = clean.Website,
            Text = clean.Text,
            Status = decision.Status,
            SpamScore = decision.Score,
            SpamReasons = string.Join('\n', decision.Reasons),
            IpHash = ipHash,
            CreatedAt = now,
            ApprovedAt = decision.Status == CommentStatus.Approved ? now : null,
            Language = article.Language,
            NotifyReplies = input.NotifyReplies,
        };
        db.Comments.Add(comment);
        db.CommentFormUses.Add(new CommentFormUse { Id = token.Id, ExpiresAt = token.ExpiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same token sent twice at once: the second insert of its id fails, and nothing of it is kept.
            db.ChangeTracker.Clear();
            return Refuse(StatusCodes.Status400BadRequest, "", t["CommentFormReplayed"]);
        }
        await notifications.CommentPostedAsync(comment, article, cancellationToken);
        return new Outcome(StatusCodes.Status303SeeOther, article, t, comment, []);
    }
}
