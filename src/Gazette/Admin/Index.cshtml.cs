using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Localization;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin;

/// <summary>The newsroom's front page: what is mine to finish, what waits for review, what goes out next, what just went out.</summary>
public sealed class IndexModel(GazetteDb db, UserManager<GazetteUser> users, Gazette.Site.SiteContext site) : PageModel
{
    private const int PerBlock = 10;

    public sealed record Row(int Id, string Headline, DateTime? PublishedAt, DateTime UpdatedAt);

    public IReadOnlyList<Row> MyDrafts { get; private set; } = [];
    public IReadOnlyList<Row> InReview { get; private set; } = [];
    public IReadOnlyList<Row> Scheduled { get; private set; } = [];
    public IReadOnlyList<Row> RecentlyPublished { get; private set; } = [];
    public bool EditsAll { get; private set; }

    /// <summary>The site's time zone: times are shown as the public pages and the scheduler read them.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Pending comments the user may moderate (all for editors, their own stories' for authors); null for contributors.</summary>
    public int? CommentsWaiting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = NewsroomLabels.Current["Dashboard"];
        Zone = (await site.GetAsync(cancellationToken)).TimeZone;
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        EditsAll = me.Rights.EditsAll;
        var stories = db.Articles.AsNoTracking();
        var visible = EditsAll ? stories : stories.Where(a => a.CreatedByUserId == me.Rights.UserId);
        MyDrafts = await ListAsync(stories.Where(a => a.CreatedByUserId == me.Rights.UserId && a.Status == ArticleStatus.Draft)
            .OrderByDescending(a => a.UpdatedAt), cancellationToken);
        InReview = await ListAsync(visible.Where(a => a.Status == ArticleStatus.InReview).OrderBy(a => a.UpdatedAt), cancellationToken);
        Scheduled = await ListAsync(visible.Where(a => a.Status == ArticleStatus.Scheduled).OrderBy(a => a.PublishedAt), cancellationToken);
        if (me.Rights.Publishes)
        {
            var ownStories = visible.Select(a => a.Id);
            CommentsWaiting = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending && (EditsAll || ownStories.Contains(c.ArticleId)), cancellationToken);
        }
        RecentlyPublished = await ListAsync(visible.Where(a => a.Status == ArticleStatus.Published).OrderByDescending(a => a.PublishedAt), cancellationToken);
    }

    private static Task<List<Row>> ListAsync(IQueryable<Article> stories, CancellationToken cancellationToken) =>
        stories.Take(PerBlock).Select(a => new Row(a.Id, a.Headline, a.PublishedAt, a.UpdatedAt)).ToListAsync(cancellationToken);
}
