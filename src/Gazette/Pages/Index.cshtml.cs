using Gazette.Articles;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Localization;
using Gazette.Sections;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Pages;

/// <summary>The front page: the latest stories, then a block for each section.</summary>
public sealed class IndexModel(GazetteDb db, SiteContext site, TimeProvider clock) : GazettePageModel(site)
{
    public const int StoriesPerSection = 4;

    public StoryPage Latest { get; private set; } = null!;
    public IReadOnlyList<(Section Section, IReadOnlyList<StorySummary> Stories)> SectionBlocks { get; private set; } = [];
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
        var latest = await Edition.Scope(db.Articles).NewestPageAsync(now, pageNumber, cancellationToken, pageSize: 10);
        if (latest is null)
            return NotFound();
        Latest = latest;
        Labels = Labels.For(Edition.Language);
        if (pageNumber == 1)
        {
            // The stories already at the top are not repeated in the section blocks.
            var shown = latest.Stories.Select(s => s.Id).ToList();
            var blocks = new List<(Section, IReadOnlyList<StorySummary>)>();
            foreach (var section in Site.Sections)
            {
                var stories = await Edition.Scope(db.Articles).AsNoTracking().WherePublic(now)
                    .Where(a => a.SectionId == section.Id && !shown.Contains(a.Id))
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(StoriesPerSection)
                    .Summaries()
                    .ToListAsync(cancellationToken);
                if (stories.Count > 0)
                    blocks.Add((section, stories));
            }
            SectionBlocks = blocks;
        }
        SetMeta(new PageMeta
        {
            Title = pageNumber == 1 ? Site.Settings.Title : $"{Site.Settings.Title} – {Labels.Format("PageOf", pageNumber)}",
            Description = Site.Settings.Description,
            Language = Edition.Language,
            CanonicalUrl = AbsoluteUrl(pageNumber == 1 ? Edition.Home : $"{Edition.Home}?page={pageNumber}"),
            LanguageAlternates = pageNumber == 1 ? EditionAlternates.Of(Site, edition => AbsoluteUrl(edition.Home)) : [],
            Feeds = Edition.IsDefault ? [] : Feeds.FeedEndpoints.LinksFor(Edition.PathOf("/feed"), $"{Site.Settings.Title} ({Edition.Language})"),
        });
        return Page();
    }
}
