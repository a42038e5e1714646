using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Articles;

/// <summary>
/// A story as readers will see it, through the public page's own partial (Articles/_Article.cshtml): POST renders
/// the edit form's content without saving anything; GET renders a saved story whatever its status.
/// </summary>
public sealed class PreviewModel(GazetteDb db, SiteContext siteContext, ArticleMarkdown markdown, ReadAlsoBlocks readAlso,
    UserManager<GazetteUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public ArticleView View { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
            return Redirect("/admin/stories/new");
        var article = await LoadAsync(id.Value, cancellationToken);
        if (article is null)
            return NotFound();
        if (!(await NewsroomUser.OfAsync(User, users, db, cancellationToken)).Rights.CanOpen(article))
            return Forbid();
        await RenderAsync(article, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Article article;
        if (id is { } storyId)
        {
            // Read untracked: the preview copies the form onto the story but must never be able to save it.
            if (await LoadAsync(storyId, cancellationToken) is not { } existing)
                return NotFound();
            if (!(await NewsroomUser.OfAsync(User, users, db, cancellationToken)).Rights.CanOpen(existing))
                return Forbid();
            article = existing;
        }
        else
        {
            article = new Article { Headline = "", CreatedAt = clock.GetUtcNow().UtcDateTime };
        }
        Problems = await Form.ToChanges().ApplyToAsync(article, db, createTags: false, cancellationToken);
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await RenderAsync(article, cancellationToken);
        return Page();
    }

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Include(a => a.Section)
            .Include(a => a.Tags.OrderBy(t => t.Name))
            .Include(a => a.Authors.OrderBy(byline => byline.Position)).ThenInclude(byline => byline.Author)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    private async Task RenderAsync(Article article, CancellationToken cancellationToken)
    {
        var site = await siteContext.GetAsync(cancellationToken);
        var language = string.IsNullOrWhiteSpace(article.Language) ? site.Settings.DefaultLanguage : article.Language.Trim();
        article.Language = language;
        article.Authors = article.Authors.OrderBy(a => a.Position).ToList();
        var body = await markdown.RenderAsync(article.BodyMarkdown, language, cancellationToken);
        var labels = Labels.For(language);
        View = new ArticleView(article, await readAlso.ResolveAsync(body, language, cancellationToken), labels, site.TimeZone, []);
        ViewData["Title"] = NewsroomLabels.Current.Format("PreviewTitle", article.Headline);
    }
}
