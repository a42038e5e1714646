using System.Globalization;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Authors;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Sections;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>The stories a newsroom member may work on, filtered and paged: editors see all, others their own.</summary>
public sealed class IndexModel(GazetteDb db, UserManager<GazetteUser> users, Gazette.Site.SiteContext site) : PageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "status")] public string? Status { get; set; }
    [FromQuery(Name = "section")] public int? SectionId { get; set; }
    [FromQuery(Name = "author")] public int? AuthorId { get; set; }
    [FromQuery(Name = "lang")] public string? Language { get; set; }
    [FromQuery(Name = "q")] public string? Query { get; set; }

    public sealed record Row(int Id, string Headline, ArticleStatus Status, string Language, string? Section, DateTime UpdatedAt, DateTime? PublishedAt)
    {
        /// <summary>A machine translation an editor has not approved yet.</summary>
        public bool MachineTranslated { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<Author> Authors { get; private set; } = [];
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public int Total { get; private set; }

    /// <summary>The site's time zone: times are shown as the public pages and the scheduler read them.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageText, CancellationToken cancellationToken)
    {
        ViewData["Title"] = NewsroomLabels.Current["Stories"];
        if (!Gazette.Site.PageNumber.TryParse(pageText, out var pageNumber))
            return BadRequest();
        Zone = (await site.GetAsync(cancellationToken)).TimeZone;
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        var stories = db.Articles.AsNoTracking();
        if (!me.Rights.EditsAll)
            stories = stories.Where(a => a.CreatedByUserId == me.Rights.UserId);
        Languages = await stories.Select(a => a.Language).Distinct().OrderBy(l => l).ToListAsync(cancellationToken);
        if (Enum.TryParse<ArticleStatus>(Status, ignoreCase: true, out var status))
            stories = stories.Where(a => a.Status == status);
        if (SectionId is { } sectionId)
            stories = stories.Where(a => a.SectionId == sectionId);
        if (AuthorId is { } authorId)
            stories = stories.Where(a => a.Authors.Any(byline => byline.AuthorId == authorId));
        if (!string.IsNullOrWhiteSpace(Language))
            stories = stories.Where(a => a.Language == Language.Trim());
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var words = Query.Trim().ToLower();
            stories = stories.Where(a => a.Headline.ToLower().Contains(words));
        }

        Total = await stories.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (pageNumber > PageCount)
            return NotFound();
        CurrentPage = pageNumber;
        Rows = await stories
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Headline, a.Status, a.Language, a.Section == null ? null : a.Section.Name, a.UpdatedAt, a.PublishedAt) { MachineTranslated = a.MachineTranslated })
            .ToListAsync(cancellationToken);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>This list's address with the same filters on another page.</summary>
    public string PageLink(int page)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status,
            ["section"] = SectionId?.ToString(CultureInfo.InvariantCulture),
            ["author"] = AuthorId?.ToString(CultureInfo.InvariantCulture),
            ["lang"] = Language,
            ["q"] = Query,
            ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
        return "/admin/stories" + query.ToUriComponent();
    }
}
