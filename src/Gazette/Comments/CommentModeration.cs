using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

public enum ModerationAction
{
    Approve,
    NotSpam,
    Spam,
    Trash,
}

/// <summary>
/// What moderators do to comments. "Spam" and "not spam" also teach the filter (stored, then replayed on every node);
/// approving a comment the filter held counts as "not spam" too, since that is what the moderator just said.
/// </summary>
public sealed class CommentModeration(GazetteDb db, LiveSpamModel spam, CommentNotifications notifications, TimeProvider clock)
{
    public async Task<int> ApplyAsync(IReadOnlyCollection<int> ids, ModerationAction action, string? userId, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var approved = new List<Comment>();
        foreach (var comment in comments)
        {
            var before = comment.Status;
            comment.Status = action switch
            {
                ModerationAction.Approve or ModerationAction.NotSpam => CommentStatus.Approved,
                ModerationAction.Spam => CommentStatus.Spam,
                _ => CommentStatus.Trash,
            };
            if (comment.Status == CommentStatus.Approved && before != CommentStatus.Approved)
            {
                comment.ApprovedAt ??= now;
                approved.Add(comment);
            }
            var teachesSpam = action == ModerationAction.Spam && before != CommentStatus.Spam;
            var teachesHam = action == ModerationAction.NotSpam
                || (action == ModerationAction.Approve && (before == CommentStatus.Spam || comment.SpamScore >= CommentScreening.HoldAt));
            if (teachesSpam || teachesHam)
                await spam.LearnAsync(db, comment, teachesSpam, userId, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var comment in approved)
            await notifications.CommentApprovedAsync(comment, cancellationToken);
        return comments.Count;
    }

    /// <summary>
    /// A newsroom reply: approved at once, marked as staff, under the same story as its parent. Answering a comment
    /// that waits for moderation approves it first (as WordPress does): a reply to something hidden would make no sense.
    /// </summary>
    public async Task<Comment?> ReplyAsStaffAsync(int parentId, string text, string userId, string name, string email, CancellationToken cancellationToken)
    {
        var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, cancellationToken);
        var clean = CommentInput.CleanText(text);
        if (parent is null || clean.Length is 0 or > CommentInput.MaxTextLength)
            return null;
        var language = await db.Articles.Where(a => a.Id == parent.ArticleId).Select(a => a.Language).FirstOrDefaultAsync(cancellationToken) ?? "en";
        if (parent.Status == CommentStatus.Pending)
            await ApplyAsync([parent.Id], ModerationAction.Approve, userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var reply = new Comment
        {
            ArticleId = parent.ArticleId,
            ParentId = parent.Id,
            AuthorName = CommentInput.CleanName(name) is { Length: > 0 and <= CommentInput.MaxNameLength } cleanName ? cleanName : "Newsroom",
            Email = email.ToLowerInvariant(),
            Text = clean,
            Status = CommentStatus.Approved,
            SpamReasons = "staff reply",
            CreatedAt = now,
            ApprovedAt = now,
            IsStaffReply = true,
            StaffUserId = userId,
            Language = language,
        };
        db.Comments.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        await notifications.CommentApprovedAsync(reply, cancellationToken);
        return reply;
    }
}
