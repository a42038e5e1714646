using Gazette.Articles;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

public sealed class TagPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : StoryListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var tag = await Db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (tag is null)
            return NotFound();
        var labels = Localization.Labels.For(Site.Settings.DefaultLanguage);
        return await ShowAsync(Db.Articles.Where(a => a.Tags.Any(t => t.Id == tag.Id)), tag.Hashtag,
            labels.Format("StoriesTagged", tag.Name), $"/tag/{tag.Slug}", cancellationToken, feedPath: $"/tag/{tag.Slug}/feed");
    }
}
