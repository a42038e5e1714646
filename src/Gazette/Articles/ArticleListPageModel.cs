using Gazette.Caching;
using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;

namespace Gazette.Articles;

/// <summary>Base of the pages that list stories (section, tag, author, archive): one heading, one paginated list.</summary>
public abstract class ArticleListPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : GazettePageModel(site)
{
    protected GazetteDb Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public string Heading { get; private set; } = "";
    public string? Intro { get; private set; }
    public string? ImageUrl { get; private set; }
    public ArticleListPage Stories { get; private set; } = null!;
    public Labels Labels { get; private set; } = null!;
    public string ListPath { get; private set; } = "";

    [FromQuery(Name = "page")]
    public string? RawPage { get; set; }

    protected async Task<IActionResult> ShowAsync(IQueryable<Article> stories, string heading, string? intro, string path,
        CancellationToken cancellationToken, string? imageUrl = null, bool noIndex = false, string? feedPath = null,
        IReadOnlyList<Translations.LanguageAlternate>? alternates = null)
    {
        if (!PageNumber.TryParse(RawPage, out var pageNumber))
            return BadRequest();
        var page = await stories.NewestPageAsync(Db, Clock.GetUtcNow().UtcDateTime, pageNumber, cancellationToken);
        if (page is null)
            return NotFound();
        Stories = page;
        HttpContext.TagResponse(page.Stories.Select(s => CacheTags.Story(s.Id)));
        Heading = heading;
        Intro = intro;
        ImageUrl = imageUrl;
        ListPath = path;
        Labels = Labels.For(Edition.Language);
        SetMeta(new PageMeta
        {
            Title = page.PageNumber > 1
                ? $"{heading} – {Labels.Format("PageOf", page.PageNumber)} – {Site.Settings.Title}"
                : $"{heading} – {Site.Settings.Title}",
            Description = intro,
            Language = Edition.Language,
            CanonicalUrl = AbsoluteUrl(PaginationView.WithPage(path, page.PageNumber)),
            LanguageAlternates = page.PageNumber == 1 ? alternates ?? [] : [],
            NoIndex = noIndex,
            Feeds = feedPath is null ? [] : Feeds.FeedEndpoints.LinksFor(feedPath, heading),
            ImageUrl = imageUrl is null ? null : AbsoluteUrl(imageUrl),
        });
        return Page();
    }
}
