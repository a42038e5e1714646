using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Sections;

[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class SectionPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : ArticleListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var language = Edition.Language;
        var named = Edition.IsDefault ? null
            : await Db.SectionTranslations.AsNoTracking().FirstOrDefaultAsync(n => n.Language == language && n.Slug == slug, cancellationToken);
        var section = named is null
            ? await Db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken)
            : await Db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == named.SectionId, cancellationToken);
        if (CheckEditionAddress(Addresses.Root.Section(slug)) is { } wrongAddress)
            return wrongAddress;
        if (section is null)
            return NotFound();
        HttpContext.TagResponse(CacheTags.SectionList(section.Id));
        var path = Addresses.Section(section);
        // The section's own slug in an edition that names it otherwise: one address per page.
        if (!string.Equals(path, Request.Path.Value, StringComparison.Ordinal))
            return RedirectPermanent(path + Request.QueryString);
        var name = Edition.SectionName(section);
        return await ShowAsync(Edition.Scope(Db.Articles).Where(a => a.SectionId == section.Id), name, null, path, cancellationToken,
            feedPath: Addresses.FeedUnder(path),
            alternates: EditionAlternates.Of(Site, edition => AbsoluteUrl(edition.Addresses.Section(section))));
    }
}
