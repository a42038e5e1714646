using Gazette.Caching;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gazette.Articles;

/// <summary>The stories of a year, a month or a day in one edition, as days begin and end in the site's time zone.</summary>
[OutputCache(PolicyName = OutputCaching.Pages)]
public sealed class ArchivePageModel(GazetteDb db, SiteContext site, TimeProvider clock) : ArticleListPageModel(db, site, clock)
{
    public async Task<IActionResult> OnGetAsync(int year, int? month, int? day, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        if (CheckEditionAddress(Addresses.Root.Archive(year, month, day)) is { } wrongAddress)
            return wrongAddress;
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value)))
            return BadRequest();
        var start = new DateTime(year, month ?? 1, day ?? 1, 0, 0, 0, DateTimeKind.Unspecified);
        var end = day is not null ? start.AddDays(1) : month is not null ? start.AddMonths(1) : start.AddYears(1);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(start, Site.TimeZone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(end, Site.TimeZone);

        var labels = Localization.Labels.For(Edition.Language);
        var period = day is not null ? start.ToString(labels["DateFormat"], labels.Culture)
            : month is not null ? start.ToString(labels["MonthFormat"], labels.Culture)
            : year.ToString(labels.Culture);
        var path = Addresses.Archive(year, month, day);
        HttpContext.TagResponse(CacheTags.Lists);
        return await ShowAsync(Edition.Scope(Db.Articles).Where(a => a.PublishedAt >= fromUtc && a.PublishedAt < toUtc),
            labels.Format("ArchiveFor", period), null, path, cancellationToken,
            alternates: Editions.EditionAlternates.Of(Site, edition => AbsoluteUrl(edition.Addresses.Archive(year, month, day))));
    }
}
