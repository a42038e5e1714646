using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Authors;

/// <summary>An author's stories in one edition: at the root the default language's, under <c>/{lang}/author/…</c> that edition's.</summary>
[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class AuthorPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : ArticleListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        if (CheckEditionAddress(Addresses.Root.Author(slug)) is { } wrongAddress)
            return wrongAddress;
        var author = await Db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Slug == slug, cancellationToken);
        if (author is null)
            return NotFound();
        HttpContext.TagResponse(CacheTags.Author(author.Id), CacheTags.AuthorList(author.Id));
        var path = Addresses.Author(author.Slug);
        return await ShowAsync(Edition.Scope(Db.Articles).BylinedTo(Db, author.Id), author.Name,
            author.Bio, path, cancellationToken, author.PhotoUrl, feedPath: Addresses.FeedUnder(path),
            alternates: EditionAlternates.Of(Site, edition => AbsoluteUrl(edition.Addresses.Author(author.Slug))));
    }
}
