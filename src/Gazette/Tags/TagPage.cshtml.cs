using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class TagPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : StoryListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var tag = await Db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tag is null)
            return NotFound();
        HttpContext.TagResponse(CacheTags.Tag(tag.Id), CacheTags.TagList(tag.Id));
        var labels = Localization.Labels.For(Site.Settings.DefaultLanguage);
        return await ShowAsync(Db.Articles.Where(a => a.Tags.Any(t => t.Id == tag.Id)), tag.Hashtag,
            labels.Format("StoriesTagged", tag.Name), $"/tag/{tag.Slug}", cancellationToken, feedPath: $"/tag/{tag.Slug}/feed");
    }
}
