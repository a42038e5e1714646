using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>
/// The mails comments cause: the newsroom hears of each new comment that is not spam (the story's authors and
/// creator, editors and administrators), and a commenter who subscribed hears of each approved reply, in the story's
/// language. Both kinds carry a link (in the text and as List-Unsubscribe) that stops them: per comment for a
/// reader, per user for the newsroom.
/// </summary>
public sealed class CommentNotifications(GazetteDb db, CommentMailer mailer, SiteContext site, IHttpContextAccessor http,
    IDataProtectionProvider protection)
{
    private readonly IDataProtector unsubscribe = protection.CreateProtector("Gazette.Comments.Unsubscribe.v1");
    private readonly IDataProtector staffUnsubscribe = protection.CreateProtector("Gazette.Comments.StaffUnsubscribe.v1");

    public async Task CommentPostedAsync(Comment comment, Article article, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured || comment.Status is CommentStatus.Spam or CommentStatus.Trash)
            return;
        var baseUrl = await BaseUrlAsync(cancellationToken);
        var authorIds = await db.Set<ArticleAuthor>().Where(a => a.ArticleId == article.Id).Select(a => a.AuthorId).ToListAsync(cancellationToken);
        var moderatorRoles = await db.Roles.Where(r => r.Name == Roles.Editor || r.Name == Roles.Administrator).Select(r => r.Id).ToListAsync(cancellationToken);
        var moderatorIds = db.UserRoles.Where(ur => moderatorRoles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var recipients = await db.Users
            .Where(u => u.Email != null && u.NotifyOfComments
                && (u.Id == article.CreatedByUserId || (u.AuthorId != null && authorIds.Contains(u.AuthorId.Value)) || moderatorIds.Contains(u.Id)))
            .Select(u => new { u.Id, Email = u.Email!, u.InterfaceLanguage }).ToListAsync(cancellationToken);
        // Each member reads the mail in their own newsroom language (English without a preference).
        foreach (var to in recipients.DistinctBy(r => r.Email.ToUpperInvariant()))
        {
            var t = NewsroomLabels.For(to.InterfaceLanguage);
            var stop = $"{baseUrl}/admin/account/comment-mail?token={Uri.EscapeDataString(StaffUnsubscribeToken(to.Id))}";
            var body = t.Format("MailNewCommentBody", comment.AuthorName, article.Headline,
                t[comment.Status == CommentStatus.Approved ? "MailCommentPublished" : "MailCommentWaiting"], comment.Text,
                comment.SpamScore.ToString("0.00", t.Culture), $"{baseUrl}/admin/comments?story={article.Id}", baseUrl)
                + t.Format("MailStopCommentMails", stop);
            mailer.Send(to.Email, t.Format("MailNewCommentSubject", article.Headline), body, t.Culture.Name, unsubscribeUrl: stop);
        }
        if (comment.Status == CommentStatus.Approved)
            await CommentApprovedAsync(comment, cancellationToken);
    }

    /// <summary>Tells the author of the comment this one answers, when they asked to be told.</summary>
    public async Task CommentApprovedAsync(Comment comment, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured || comment.ParentId is not { } parentId || comment.Status != CommentStatus.Approved)
            return;
        var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
        if (parent is not { NotifyReplies: true, ErasedAt: null } || parent.Email.Length == 0 || parent.Email == comment.Email)
            return;
        var story = await db.Articles.AsNoTracking().Where(a => a.Id == comment.ArticleId)
            .Select(a => new { a.Headline, a.Language, a.Slug, a.PublishedAt, a.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (story is null)
            return;
        var snapshot = await site.GetAsync(cancellationToken);
        var baseUrl = await BaseUrlAsync(cancellationToken);
        var t = Labels.For(parent.Language);
        var path = Addresses.Story(story.Language, story.Slug, story.PublishedAt ?? story.CreatedAt, snapshot.TimeZone);
        var stop = baseUrl + Addresses.Unsubscribe(UnsubscribeToken(parent.Id));
        var body = t.Format("MailReplyBody", comment.AuthorName, story.Headline, comment.Text, baseUrl + Addresses.Comment(path, comment.Id), stop);
        mailer.Send(parent.Email, t.Format("MailReplySubject", story.Headline), body, parent.Language, stop);
    }

    public string UnsubscribeToken(int commentId) => unsubscribe.Protect(commentId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public int? ReadUnsubscribeToken(string? token) =>
        Unprotect(unsubscribe, token) is { } payload && int.TryParse(payload, out var id) ? id : null;

    /// <summary>The link in each newsroom notification: names one user, who stops all comment notifications with it.</summary>
    public string StaffUnsubscribeToken(string userId) => staffUnsubscribe.Protect(userId);

    public string? ReadStaffUnsubscribeToken(string? token) => Unprotect(staffUnsubscribe, token);

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        try
        {
            return token is { Length: > 0 and < 1000 } ? protector.Unprotect(token) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private async Task<string> BaseUrlAsync(CancellationToken cancellationToken)
    {
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl))
            return settings.BaseUrl.TrimEnd('/');
        var request = http.HttpContext?.Request;
        return request is null ? "" : $"{request.Scheme}://{request.Host}";
    }
}
