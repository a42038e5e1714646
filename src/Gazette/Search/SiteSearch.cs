using Gazette.Articles;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Search;

/// <summary>
/// A search as the page and the API run it: from the index when it is ready, else from a plain database match on
/// headlines and standfirsts, so that searching keeps working while the index is built.
/// </summary>
public sealed class SiteSearch(ArticleSearch search, GazetteDb db, TimeProvider clock)
{
    public async Task<SearchResults> RunAsync(SearchRequest request, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return search.Search(request, now, zone) ?? await FromDatabaseAsync(request, now, zone, cancellationToken);
    }

    private async Task<SearchResults> FromDatabaseAsync(SearchRequest request, DateTime now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var words = request.Query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(word => word.Length >= 2).Select(word => word.ToLowerInvariant()).Distinct().Take(8).ToList();
        if (words.Count == 0 && !request.HasFilters)
            return SearchResults.Empty with { IndexRebuilding = true };
        var stories = db.Articles.AsNoTracking().WherePublic(now);
        foreach (var word in words)
            stories = stories.Where(a => a.Headline.ToLower().Contains(word) || (a.SecondHeadline != null && a.SecondHeadline.ToLower().Contains(word)) || a.Standfirst.ToLower().Contains(word));
        if (request.Section is { } section)
            stories = stories.Where(a => a.Section != null && a.Section.Slug == section);
        if (request.Tag is { } tag)
            stories = stories.Where(a => a.Tags.Any(t => t.Slug == tag));
        if (request.Author is { } author)
            stories = stories.Where(a => a.Authors.Any(byline => byline.Author.Slug == author));
        if (request.Language is { } language)
            // Stories store their tag as written (pt-BR), filters are lower case (pt-br, or pt for every Portuguese story).
            stories = stories.Where(a => a.Language.ToLower() == language || a.Language.ToLower().StartsWith(language + "-"));
        if (request.From is { } from)
        {
            var start = ArticleSearch.StartOfDayUtc(from, zone);
            stories = stories.Where(a => a.PublishedAt >= start);
        }
        if (request.To is { } to)
        {
            var end = ArticleSearch.StartOfDayUtc(to.AddDays(1), zone);
            stories = stories.Where(a => a.PublishedAt < end);
        }
        var total = await stories.CountAsync(cancellationToken);
        var summaries = await stories.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((request.Page - 1) * SearchRequest.PageSize).Take(SearchRequest.PageSize)
            .ToSummariesAsync(db, cancellationToken);
        var hits = summaries.Select(s => new SearchHit(s.Id, System.Net.WebUtility.HtmlEncode(s.DisplayHeadline),
            System.Net.WebUtility.HtmlEncode(s.Standfirst), s.Language, s.PathIn(zone), s.PublishedAt, s.SectionName, s.SectionSlug,
            s.AuthorNames, s.ImageUrl, s.ImageAlt)).ToList();
        return new SearchResults(hits, total, request.Page, Math.Max(1, (total + SearchRequest.PageSize - 1) / SearchRequest.PageSize), [], true);
    }
}
