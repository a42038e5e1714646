using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Names;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Tags;

[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class TagPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : ArticleListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        if (CheckEditionAddress(Addresses.Root.Tag(slug)) is { } wrongAddress)
            return wrongAddress;
        var language = Edition.Language;
        // The slug in this edition's language, the tag's own, or (from a story in another language) one of its other names.
        var named = await Db.TagTranslations.AsNoTracking().FirstOrDefaultAsync(n => n.Language == language && n.Slug == slug, cancellationToken);
        var tag = named is null ? await Db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, cancellationToken) : null;
        if (tag is null)
        {
            named ??= await Db.TagTranslations.AsNoTracking().OrderBy(n => n.Id).FirstOrDefaultAsync(n => n.Slug == slug, cancellationToken);
            if (named is not null)
                tag = await Db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == named.TagId, cancellationToken);
        }
        if (tag is null)
            return NotFound();
        HttpContext.TagResponse(CacheTags.Tag(tag.Id), CacheTags.TagList(tag.Id));
        var names = await LocalizedTags.NamesAsync(Db, [tag.Id], cancellationToken);
        var inEdition = LocalizedTags.In(tag, names, language);
        var path = Addresses.Tag(inEdition.Slug);
        if (!string.Equals(path, Request.Path.Value, StringComparison.Ordinal))
            return RedirectPermanent(path + Request.QueryString);
        var labels = Localization.Labels.For(language);
        return await ShowAsync(Edition.Scope(Db.Articles).TaggedWith(Db, tag.Id), inEdition.Hashtag,
            labels.Format("StoriesTagged", inEdition.Name), path, cancellationToken, feedPath: Addresses.FeedUnder(path),
            alternates: EditionAlternates.Of(Site, edition => AbsoluteUrl(edition.Addresses.Tag(LocalizedTags.In(tag, names, edition.Language).Slug))));
    }
}
