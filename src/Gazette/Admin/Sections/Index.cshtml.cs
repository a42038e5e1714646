using Gazette.Accounts;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Sections;
using Gazette.Site;
using Gazette.Text;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Sections;

/// <summary>Sections for editors: create, rename (a new slug is a new address), reorder and delete (stories stay, sectionless).</summary>
[Authorize(Policy = Policies.EditAll)]
public sealed class IndexModel(GazetteDb db, SiteContext site) : PageModel
{
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyDictionary<int, int> ArticleCounts { get; private set; } = new Dictionary<int, int>();

    /// <summary>The row (0 for the create form) a refused change belongs to, and why.</summary>
    public int? ProblemFor { get; private set; }
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? slug, CancellationToken cancellationToken)
    {
        var (cleanName, cleanSlug) = (name?.Trim() ?? "", Slugs.Create(string.IsNullOrWhiteSpace(slug) ? name : slug));
        if (await CheckAsync(0, cleanName, cleanSlug, cancellationToken))
        {
            var last = await db.Sections.MaxAsync(s => (int?)s.Position, cancellationToken) ?? -1;
            db.Sections.Add(new Section { Name = cleanName, Slug = cleanSlug, Position = last + 1 });
            return await SavedAsync(cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, string? slug, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FindAsync([id], cancellationToken);
        if (section is null)
            return NotFound();
        var (cleanName, cleanSlug) = (name?.Trim() ?? "", Slugs.Create(string.IsNullOrWhiteSpace(slug) ? name : slug));
        if (await CheckAsync(id, cleanName, cleanSlug, cancellationToken))
        {
            section.Name = cleanName;
            section.Slug = cleanSlug;
            return await SavedAsync(cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken cancellationToken)
    {
        var sections = await db.Sections.OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var index = sections.FindIndex(s => s.Id == id);
        if (index < 0)
            return NotFound();
        var target = Math.Clamp(index + Math.Sign(by), 0, sections.Count - 1);
        (sections[index], sections[target]) = (sections[target], sections[index]);
        for (var i = 0; i < sections.Count; i++)
            sections[i].Position = i;
        return await SavedAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var section = await db.Sections.FindAsync([id], cancellationToken);
        if (section is null)
            return NotFound();
        // Through the tracked stories rather than the database's SET NULL, so each story's change is in the change feed.
        foreach (var article in await db.Articles.IgnoreQueryFilters().Where(a => a.SectionId == id).ToListAsync(cancellationToken))
            article.SectionId = null;
        db.Sections.Remove(section);
        return await SavedAsync(cancellationToken);
    }

    private async Task<IActionResult> SavedAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        site.Invalidate();
        return Redirect("/admin/sections");
    }

    private async Task<bool> CheckAsync(int id, string name, string slug, CancellationToken cancellationToken)
    {
        ProblemFor = id;
        if (name.Length is 0 or > 100)
            Problem = NewsroomLabels.Current["SectionNameTooLong"];
        else if (slug.Length == 0)
            Problem = NewsroomLabels.Current["SlugNeedsLetter"];
        else if (await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != id, cancellationToken))
            Problem = NewsroomLabels.Current.Format("SectionSlugTaken", slug);
        return Problem is null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = NewsroomLabels.Current["Sections"];
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        ArticleCounts = await db.Articles.Where(a => a.SectionId != null).GroupBy(a => a.SectionId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
