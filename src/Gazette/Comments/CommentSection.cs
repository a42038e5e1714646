using Gazette.Articles;
using Gazette.Localization;

namespace Gazette.Comments;

/// <summary>One comment in a thread and the replies shown under it.</summary>
/// <param name="InReplyTo">Named when the comment is shown flat below the deepest level, so readers still see whom it answers.</param>
public sealed record CommentNode(Comment Comment, int Depth, IReadOnlyList<CommentNode> Replies, string? InReplyTo = null);

/// <summary>What a story page shows of its comments: the approved threads, and the form when the story is open.</summary>
public sealed record CommentSection(Article Article, Labels Labels, IReadOnlyList<CommentNode> Threads, int Count, CommentFormView? Form,
    string? Notice, TimeZoneInfo TimeZone);

/// <summary>The comment form as rendered: a fresh token, the values to show again after a refusal, and the problems.</summary>
public sealed record CommentFormView(int ArticleId, string ArticlePath, Labels Labels, string Token, int RetentionDays, CommentInput Values,
    Comment? ReplyTo, IReadOnlyDictionary<string, string> Errors)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}
