using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;
using Gazette.Tags;

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>A story's saved states: who saved what when, the difference between any two, and restore.</summary>
public sealed class RevisionsModel(GazetteDb db, ArticleEditor editor, SiteContext siteContext, UserManager<GazetteUser> users) : PageModel
{
    public sealed record Row(int Number, DateTime CreatedAt, string UserName, string Action);

    public Article Story { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int From { get; private set; }
    public int To { get; private set; }
    public IHtmlContent? Diff { get; private set; }
    public bool CanRestore { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refusal)
            return refusal;
        Rows = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.CreatedAt, r.UserName, r.Action)).ToListAsync(cancellationToken);
        if (Rows.Count == 0)
            return Page();
        To = to is { } t && Rows.Any(r => r.Number == t) ? t : Rows[0].Number;
        From = from is { } f && Rows.Any(r => r.Number == f) ? f : Rows.Where(r => r.Number < To).Select(r => r.Number).FirstOrDefault();
        var snapshots = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id && (r.Number == From || r.Number == To))
            .ToDictionaryAsync(r => r.Number, r => ArticleSnapshot.Parse(r.Snapshot), cancellationToken);
        Diff = await RevisionDiff.RenderAsync(db, Zone, snapshots.GetValueOrDefault(From) ?? new ArticleSnapshot(), snapshots[To], cancellationToken);
        return Page();
    }

    /// <summary>
    /// Brings back a revision's content (text, slug, language, section, tags, bylines, figure) as a new revision.
    /// The status and publication time stay as they are: publishing is a workflow action with its own rights.
    /// </summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } refusal)
            return refusal;
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
        if (revision is null)
            return NotFound();
        var snapshot = ArticleSnapshot.Parse(revision.Snapshot);
        var article = Story;
        article.Headline = snapshot.Headline;
        article.SecondHeadline = snapshot.SecondHeadline;
        article.Standfirst = snapshot.Standfirst;
        article.BodyMarkdown = snapshot.BodyMarkdown;
        article.Slug = snapshot.Slug;
        article.Language = snapshot.Language;
        article.SectionId = snapshot.SectionId is { } sectionId && await db.Sections.AnyAsync(s => s.Id == sectionId, cancellationToken) ? sectionId : null;
        var tags = await TagNames.FindOrCreateAsync(db, snapshot.Tags, cancellationToken);
        article.Tags.RemoveAll(tag => !tags.Contains(tag));
        article.Tags.AddRange(tags.Where(tag => !article.Tags.Contains(tag)));
        var authors = await db.Authors.Where(a => snapshot.AuthorIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var byline = snapshot.AuthorIds.Where(authors.Contains).Distinct().ToList();
        article.Authors.RemoveAll(a => !byline.Contains(a.AuthorId));
        for (var position = 0; position < byline.Count; position++)
        {
            var entry = article.Authors.FirstOrDefault(a => a.AuthorId == byline[position]);
            if (entry is null)
                article.Authors.Add(entry = new ArticleAuthor { AuthorId = byline[position] });
            entry.Position = position;
        }
        article.FeaturedFigure = snapshot.ToFigure();
        try
        {
            await editor.SaveAsync(article, me.Editor, $"restored revision {number}", cancellationToken);
        }
        catch (ArticleValidationException invalid)
        {
            return BadRequest(NewsroomLabels.Current.Format("RevisionNotRestorable", number, invalid.Message));
        }
        return Redirect($"/admin/stories/{id}?done=restored");
    }

    private async Task<IActionResult?> OpenAsync(int id, CancellationToken cancellationToken)
    {
        ViewData["Title"] = NewsroomLabels.Current["Revisions"];
        Zone = (await siteContext.GetAsync(cancellationToken)).TimeZone;
        var article = await db.Articles.Include(a => a.Tags).Include(a => a.Authors).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
            return NotFound();
        var me = await NewsroomUser.OfAsync(User, users, db, cancellationToken);
        if (!me.Rights.CanOpen(article))
            return Forbid();
        Story = article;
        CanRestore = me.Rights.CanChange(article);
        if (HttpMethods.IsPost(Request.Method) && !CanRestore)
            return Forbid();
        ViewData["Title"] = NewsroomLabels.Current.Format("RevisionsTitle", article.Headline);
        return null;
    }
}
