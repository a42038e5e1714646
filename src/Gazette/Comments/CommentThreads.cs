using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Comments;

/// <summary>Reads a story's approved comments as threads, and says whether the story takes new ones.</summary>
public sealed class CommentThreads(GazetteDb db, CommentFormTokens tokens)
{
    /// <summary>Levels of nesting shown; replies deeper than this are listed flat at the last level, oldest first.</summary>
    public const int MaxDepth = 3;

    public static bool IsOpen(Article article, SiteSettings settings, DateTime nowUtc) =>
        article.CommentsOpen && article.IsPublic(nowUtc) && !(ClosesAt(article, settings) <= nowUtc);

    /// <summary>When the site's "close after N days" setting closes the story's comments; null when it never does.</summary>
    public static DateTime? ClosesAt(Article article, SiteSettings settings) =>
        settings.CommentsCloseAfterDays > 0 && article.PublishedAt is { } published ? published.AddDays(settings.CommentsCloseAfterDays) : null;

    public async Task<CommentSection> LoadAsync(Article article, string storyPath, Labels labels, SiteSettings settings, DateTime nowUtc,
        int? replyTo, string? notice, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        // The address is never shown; drop it here so no view can.
        foreach (var comment in comments)
            comment.Email = "";
        var children = comments.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var byId = comments.ToDictionary(c => c.Id);
        var threads = Build(comments.Where(c => c.ParentId is null || !byId.ContainsKey(c.ParentId.Value)), 0, children, byId);
        var count = comments.Count(c => c.ErasedAt is null);

        CommentFormView? form = null;
        if (IsOpen(article, settings, nowUtc))
        {
            var parent = replyTo is { } id && byId.TryGetValue(id, out var found) && found.ErasedAt is null ? found : null;
            form = new CommentFormView(article.Id, storyPath, labels, tokens.Issue(article.Id), settings.CommentIpRetentionDays,
                new CommentInput { ParentId = parent?.Id }, parent, new Dictionary<string, string>());
        }
        return new CommentSection(article, labels, threads, count, form, notice, SiteContext.FindTimeZone(settings.TimeZone));
    }

    private static List<CommentNode> Build(IEnumerable<Comment> level, int depth, ILookup<int, Comment> children, Dictionary<int, Comment> byId)
    {
        var nodes = new List<CommentNode>();
        foreach (var comment in level)
        {
            var replies = depth + 1 < MaxDepth
                ? Build(children[comment.Id], depth + 1, children, byId)
                : Flatten(comment, children).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                    .Select(c => new CommentNode(c, depth + 1, [], c.ParentId == comment.Id ? null : byId[c.ParentId!.Value].AuthorName))
                    .ToList();
            // An erased comment keeps its place only while replies hang from it.
            if (comment.ErasedAt is not null && replies.Count == 0)
                continue;
            nodes.Add(new CommentNode(comment, depth, replies));
        }
        return nodes;
    }

    private static IEnumerable<Comment> Flatten(Comment comment, ILookup<int, Comment> children)
    {
        foreach (var child in children[comment.Id])
        {
            yield return child;
            foreach (var grandchild in Flatten(child, children))
                yield return grandchild;
        }
    }
}
