using Gazette.Accounts;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Tags;
using Gazette.Text;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Admin.Tags;

/// <summary>Tags for editors: create, rename, merge one into another, delete (stories lose the tag, nothing else).</summary>
[Authorize(Policy = Policies.EditAll)]
public sealed class IndexModel(GazetteDb db) : PageModel
{
    public const int PageSize = 100;

    public sealed record Row(int Id, string Name, string Slug, int Stories);

    [FromQuery(Name = "q")] public string? Query { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public bool HasMore { get; private set; }
    public int? ProblemFor { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? pageText, CancellationToken cancellationToken)
    {
        if (!Site.PageNumber.TryParse(pageText, out var number))
            return BadRequest();
        CurrentPage = number;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var cleanName = name?.Trim() ?? "";
        var slug = AddressOf(cleanName);
        if (!await CheckAsync(0, cleanName, slug, cancellationToken))
            return await RefusedAsync(cancellationToken);
        db.Tags.Add(new Tag { Name = cleanName, Slug = slug });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/tags");
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, string? slug, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.FindAsync([id], cancellationToken);
        if (tag is null)
            return NotFound();
        var cleanName = name?.Trim() ?? "";
        var cleanSlug = string.IsNullOrWhiteSpace(slug) ? AddressOf(cleanName) : Slugs.Create(slug);
        if (!await CheckAsync(id, cleanName, cleanSlug, cancellationToken))
            return await RefusedAsync(cancellationToken);
        tag.Name = cleanName;
        tag.Slug = cleanSlug;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/tags");
    }

    /// <summary>Moves every story of this tag to the tag named <paramref name="into"/>, then deletes this one.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, string? into, CancellationToken cancellationToken)
    {
        var source = await db.Tags.Include(t => t.Articles).ThenInclude(a => a.Tags).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (source is null)
            return NotFound();
        var intoSlug = AddressOf(into?.Trim() ?? "");
        var target = await db.Tags.FirstOrDefaultAsync(t => t.Slug == intoSlug && t.Id != id, cancellationToken);
        if (target is null)
        {
            (ProblemFor, Problem) = (id, NewsroomLabels.Current.Format("NoTagToMergeInto", into));
            return await RefusedAsync(cancellationToken);
        }
        foreach (var article in source.Articles.Where(a => !a.Tags.Contains(target)))
            article.Tags.Add(target);
        db.Tags.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/tags");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.FindAsync([id], cancellationToken);
        if (tag is null)
            return NotFound();
        db.Tags.Remove(tag);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/admin/tags");
    }

    /// <summary>
    /// The address the story form gives the same name (<see cref="TagNames.SlugOf"/>): a name in a script slugs cannot
    /// spell gets "tag-" and a hash rather than a refusal, and typing it in a story later finds this tag. Empty for what
    /// cannot name a tag.
    /// </summary>
    private static string AddressOf(string name) => TagNames.IsName(name) ? TagNames.SlugOf(name) : "";

    private async Task<bool> CheckAsync(int id, string name, string slug, CancellationToken cancellationToken)
    {
        ProblemFor = id;
        if (name.Length is 0 or > TagNames.MaxLength)
            Problem = NewsroomLabels.Current.Format("TagNameTooLong", TagNames.MaxLength);
        else if (slug.Length == 0)
            Problem = NewsroomLabels.Current["SlugNeedsLetter"];
        else if (await db.Tags.AnyAsync(t => t.Slug == slug && t.Id != id, cancellationToken))
            Problem = NewsroomLabels.Current.Format("TagSlugTaken", slug);
        return Problem is null;
    }

    private async Task<IActionResult> RefusedAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = NewsroomLabels.Current["Tags"];
        var tags = db.Tags.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var words = Query.Trim().ToLower();
            tags = tags.Where(t => t.Name.ToLower().Contains(words));
        }
        var rows = await tags.OrderBy(t => t.Name).Skip((CurrentPage - 1) * PageSize).Take(PageSize + 1)
            .Select(t => new Row(t.Id, t.Name, t.Slug, t.Articles.Count)).ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
