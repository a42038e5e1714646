using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Localization;
using Gazette.Sections;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Pages;

/// <summary>The front page: the latest stories, then a block for each section.</summary>
[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class IndexModel(GazetteDb db, SiteContext site, TimeProvider clock) : GazettePageModel(site)
{
    public const int ArticlesPerSection = 4;

    public ArticleListPage Latest { get; private set; } = null!;
    public IReadOnlyList<(Section Section, IReadOnlyList<ArticleSummary> Stories)> SectionBlocks { get; private set; } = [];
    public Labels Labels { get; private set; } = null!;

    [FromQuery(Name = "page")]
    public string? RawPage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        if (CheckEditionAddress("/") is { } wrongAddress)
            return wrongAddress;
        if (!PageNumber.TryParse(RawPage, out var pageNumber))
            return BadRequest();
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = await Edition.Scope(db.Articles).NewestPageAsync(db, now, pageNumber, cancellationToken, pageSize: 10);
        if (latest is null)
            return NotFound();
        Latest = latest;
        HttpContext.TagResponse(CacheTags.Lists);
        Labels = Labels.For(Edition.Language);
        if (pageNumber == 1)
        {
            // The stories already at the top are not repeated in the section blocks.
            var shown = latest.Stories.Select(s => s.Id).ToList();
            // Two commands whatever the number of sections: each section's newest ids in one UNION ALL, then their cards.
            IQueryable<int>? newest = null;
            foreach (var section in Site.Sections)
            {
                var sectionId = section.Id;
                var ids = Edition.Scope(db.Articles).AsNoTracking().WherePublic(now)
                    .Where(a => a.SectionId == sectionId && !shown.Contains(a.Id))
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(ArticlesPerSection)
                    .Select(a => a.Id);
                newest = newest is null ? ids : newest.Concat(ids);
            }
            var chosen = newest is null ? [] : await newest.ToListAsync(cancellationToken);
            var cards = chosen.Count == 0 ? [] : await db.Articles.AsNoTracking()
                .Where(a => chosen.Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .ToSummariesAsync(db, cancellationToken);
            SectionBlocks = Site.Sections
                .Select(section => (section, (IReadOnlyList<ArticleSummary>)cards.Where(c => c.SectionSlug == section.Slug).ToList()))
                .Where(block => block.Item2.Count > 0)
                .ToList();
        }
        SetMeta(new PageMeta
        {
            Title = pageNumber == 1 ? Site.Settings.Title : $"{Site.Settings.Title} – {Labels.Format("PageOf", pageNumber)}",
            Description = Site.Settings.Description,
            Language = Edition.Language,
            CanonicalUrl = AbsoluteUrl(pageNumber == 1 ? Addresses.Home : $"{Addresses.Home}?page={pageNumber}"),
            LanguageAlternates = pageNumber == 1 ? EditionAlternates.Of(Site, edition => AbsoluteUrl(edition.Addresses.Home)) : [],
            Feeds = Edition.IsDefault ? [] : Feeds.FeedEndpoints.LinksFor(Addresses.SiteFeed, $"{Site.Settings.Title} ({Edition.Language})"),
        });
        return Page();
    }
}
