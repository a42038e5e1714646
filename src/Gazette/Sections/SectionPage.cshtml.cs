using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Sections;

[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class SectionPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : StoryListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var section = await Db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (section is null)
            return NotFound();
        HttpContext.TagResponse(CacheTags.SectionList(section.Id));
        return await ShowAsync(Db.Articles.Where(a => a.SectionId == section.Id), section.Name, null, $"/section/{section.Slug}", cancellationToken,
            feedPath: $"/section/{section.Slug}/feed");
    }
}
