using Gazette.Accounts;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Localization;
using Gazette.Site;
using Gazette.Text;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Names;

/// <summary>
/// A section's or a tag's name and slug in each edition's language (and any language it already has a name in). An empty
/// name removes the translation: the section or tag is then shown under its own name in that language.
/// </summary>
[Authorize(Policy = Policies.EditAll)]
public sealed class NamesPageModel(GazetteDb db, SiteContext site) : PageModel
{
    public sealed class Row
    {
        public string Language { get; set; } = "";
        public string? Name { get; set; }
        public string? Slug { get; set; }
    }

    [BindProperty]
    public List<Row> Rows { get; set; } = [];

    public string Kind { get; private set; } = "";
    public string OwnName { get; private set; } = "";
    public string OwnSlug { get; private set; } = "";
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, id, cancellationToken))
            return NotFound();
        var existing = await ExistingAsync(cancellationToken, id);
        var languages = Edition.LanguagesOf((await site.GetAsync(cancellationToken)).Settings).Skip(Kind == "sections" ? 1 : 0)
            .Concat(existing.Select(e => e.Language))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        Rows = languages.Select(language => existing.FirstOrDefault(e => string.Equals(e.Language, language, StringComparison.OrdinalIgnoreCase))
                                            ?? new Row { Language = language }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, id, cancellationToken))
            return NotFound();
        var rows = Rows.Where(r => Admin.Articles.LanguageTag.IsValid(r.Language?.Trim() ?? "")).ToList();
        foreach (var row in rows)
            row.Language = LanguageTags.Normalize(row.Language);
        rows = rows.DistinctBy(r => r.Language, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var row in rows)
        {
            row.Name = row.Name?.Trim();
            row.Slug = string.IsNullOrWhiteSpace(row.Name) ? null : Slugs.Create(string.IsNullOrWhiteSpace(row.Slug) ? row.Name : row.Slug);
            if (row.Name?.Length > 100 || row.Slug is { Length: 0 or > 100 })
                Problem = NewsroomLabels.Current.Format("TranslatedNameInvalid", row.Language);
        }
        if (Problem is null && await SlugTakenAsync(id, rows, cancellationToken) is { } taken)
            Problem = NewsroomLabels.Current.Format(Kind == "sections" ? "SectionSlugTakenIn" : "TagSlugTakenIn", taken.Slug, taken.Language);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (Kind == "sections")
        {
            await db.SectionTranslations.Where(n => n.SectionId == id).ExecuteDeleteAsync(cancellationToken);
            db.SectionTranslations.AddRange(rows.Where(r => r.Slug is not null)
                .Select(r => new SectionTranslation { SectionId = id, Language = r.Language, Name = r.Name!, Slug = r.Slug! }));
        }
        else
        {
            await db.TagTranslations.Where(n => n.TagId == id).ExecuteDeleteAsync(cancellationToken);
            db.TagTranslations.AddRange(rows.Where(r => r.Slug is not null)
                .Select(r => new TagTranslation { TagId = id, Language = r.Language, Name = r.Name!, Slug = r.Slug! }));
        }
        // Followers of the change feed (page caches) hear of the section or tag: its pages now answer under other names.
        object owner = Kind == "sections"
            ? await db.Sections.FirstAsync(s => s.Id == id, cancellationToken)
            : await db.Tags.FirstAsync(t => t.Id == id, cancellationToken);
        db.Entry(owner).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        site.Invalidate();
        Rows = rows;
        Saved = true;
        return Page();
    }

    private async Task<bool> LoadAsync(string kind, int id, CancellationToken cancellationToken)
    {
        Kind = kind;
        var own = kind == "sections"
            ? await db.Sections.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Name, s.Slug }).FirstOrDefaultAsync(cancellationToken)
            : await db.Tags.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Name, t.Slug }).FirstOrDefaultAsync(cancellationToken);
        (OwnName, OwnSlug) = (own?.Name ?? "", own?.Slug ?? "");
        return own is not null;
    }

    private async Task<List<Row>> ExistingAsync(CancellationToken cancellationToken, int id) => Kind == "sections"
        ? await db.SectionTranslations.AsNoTracking().Where(n => n.SectionId == id).OrderBy(n => n.Language)
            .Select(n => new Row { Language = n.Language, Name = n.Name, Slug = n.Slug }).ToListAsync(cancellationToken)
        : await db.TagTranslations.AsNoTracking().Where(n => n.TagId == id).OrderBy(n => n.Language)
            .Select(n => new Row { Language = n.Language, Name = n.Name, Slug = n.Slug }).ToListAsync(cancellationToken);

    private async Task<Row?> SlugTakenAsync(int id, List<Row> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows.Where(r => r.Slug is not null))
        {
            var (language, slug) = (row.Language, row.Slug!);
            var taken = Kind == "sections"
                ? await db.SectionTranslations.AnyAsync(n => n.Language == language && n.Slug == slug && n.SectionId != id, cancellationToken)
                : await db.TagTranslations.AnyAsync(n => n.Language == language && n.Slug == slug && n.TagId != id, cancellationToken);
            if (taken)
                return row;
        }
        return null;
    }
}
