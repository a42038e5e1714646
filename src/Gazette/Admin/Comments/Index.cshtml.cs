using Gazette.Accounts;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Localization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Comments;

/// <summary>
/// The moderation queue: counts per status, a filter by status and story, bulk approve / not spam / spam / trash, and
/// staff replies. Editors and administrators see every comment; authors see (and moderate) those on their own stories.
/// </summary>
[Authorize(Policy = Policies.Publish)]
public sealed class IndexModel(GazetteDb db, UserManager<GazetteUser> users, CommentModeration moderation) : PageModel
{
    private const int PerPage = 50;

    public sealed record Row(Comment Comment, string Headline, string? ParentAuthor);

    public CommentStatus Status { get; private set; }
    public int? StoryId { get; private set; }
    public string? StoryHeadline { get; private set; }
    public Dictionary<CommentStatus, int> Counts { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool SeesAll { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CommentStatus status = CommentStatus.Pending, int? story = null, CancellationToken cancellationToken = default)
    {
        ViewData["Title"] = NewsroomLabels.Current["Comments"];
        Status = status;
        StoryId = story;
        var visible = await VisibleAsync(cancellationToken);
        var filtered = story is { } storyId ? visible.Where(c => c.ArticleId == storyId) : visible;
        Counts = await filtered.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        if (story is { } id)
            StoryHeadline = await db.Articles.Where(a => a.Id == id).Select(a => a.Headline).FirstOrDefaultAsync(cancellationToken);
        Rows = await filtered.Where(c => c.Status == status)
            .OrderByDescending(c => c.CreatedAt).Take(PerPage)
            .Join(db.Articles, c => c.ArticleId, a => a.Id, (c, a) => new { Comment = c, a.Headline })
            .GroupJoin(db.Comments, x => x.Comment.ParentId, p => p.Id, (x, parents) => new { x.Comment, x.Headline, parents })
            .SelectMany(x => x.parents.DefaultIfEmpty(), (x, parent) => new Row(x.Comment, x.Headline, parent == null ? null : parent.AuthorName))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostBulkAsync(List<int> ids, ModerationAction moderate, CommentStatus status, int? story, CancellationToken cancellationToken)
    {
        var allowed = await (await VisibleAsync(cancellationToken)).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        var changed = allowed.Count == 0 ? 0 : await moderation.ApplyAsync(allowed, moderate, users.GetUserId(User), cancellationToken);
        Notice = changed == 0 ? NewsroomLabels.Current["SelectComment"] : NewsroomLabels.Current.Plural("CommentsChanged", changed, Describe(moderate));
        return RedirectToPage(new { status, story });
    }

    public async Task<IActionResult> OnPostReplyAsync(int parentId, string? text, CommentStatus status, int? story, CancellationToken cancellationToken)
    {
        if (!await (await VisibleAsync(cancellationToken)).AnyAsync(c => c.Id == parentId, cancellationToken))
            return NotFound();
        var user = await users.GetUserAsync(User);
        var reply = user is null ? null
            : await moderation.ReplyAsStaffAsync(parentId, text ?? "", user.Id, user.DisplayName ?? NewsroomLabels.Current["Newsroom"], user.Email ?? "", cancellationToken);
        Notice = reply is null ? NewsroomLabels.Current["ReplyLength"] : NewsroomLabels.Current["ReplyPublished"];
        return RedirectToPage(new { status, story });
    }

    private static string Describe(ModerationAction action) => action switch
    {
        ModerationAction.Approve => NewsroomLabels.Current["ModeratedApproved"],
        ModerationAction.NotSpam => NewsroomLabels.Current["ModeratedNotSpam"],
        ModerationAction.Spam => NewsroomLabels.Current["ModeratedSpam"],
        _ => NewsroomLabels.Current["ModeratedTrash"],
    };

    private async Task<IQueryable<Comment>> VisibleAsync(CancellationToken cancellationToken)
    {
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        SeesAll = me.Rights.EditsAll;
        if (SeesAll)
            return db.Comments;
        var own = db.Articles.Where(a => a.CreatedByUserId == me.Rights.UserId).Select(a => a.Id);
        return db.Comments.Where(c => own.Contains(c.ArticleId));
    }
}
