using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Authors;

[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class AuthorPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : StoryListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var author = await Db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (author is null)
            return NotFound();
        HttpContext.TagResponse(CacheTags.Author(author.Id), CacheTags.AuthorList(author.Id));
        return await ShowAsync(Db.Articles.BylinedTo(Db, author.Id), author.Name,
            author.Bio, $"/author/{author.Slug}", cancellationToken, author.PhotoUrl,
            feedPath: $"/author/{author.Slug}/feed");
    }
}
