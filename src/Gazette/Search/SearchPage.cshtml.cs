using Gazette.Caching;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Gazette.Search;

/// <summary>
/// <c>GET /search</c>: the full-text search, with filters, sorts and pages as plain links and a GET form, so it
/// works without JavaScript. Whatever is typed gives a page: words are never parsed as query syntax.
/// </summary>
[OutputCache(PolicyName = OutputCaching.Search)]
public sealed class SearchPageModel(SiteSearch search, SearchIndex index, SiteContext site) : GazettePageModel(site)
{
    public const int MaxQueryLength = SearchRequest.MaxQueryLength;

    [FromQuery(Name = "q")] public string? RawQuery { get; set; }
    [FromQuery(Name = "section")] public string? RawSection { get; set; }
    [FromQuery(Name = "tag")] public string? RawTag { get; set; }
    [FromQuery(Name = "author")] public string? RawAuthor { get; set; }
    [FromQuery(Name = "lang")] public string? RawLanguage { get; set; }
    [FromQuery(Name = "from")] public string? RawFrom { get; set; }
    [FromQuery(Name = "to")] public string? RawTo { get; set; }
    [FromQuery(Name = "sort")] public string? RawSort { get; set; }
    [FromQuery(Name = "page")] public string? RawPage { get; set; }

    public SearchRequest Criteria { get; private set; } = new();
    public SearchResults Results { get; private set; } = SearchResults.Empty;
    public Labels Labels { get; private set; } = null!;
    public string Heading { get; private set; } = "";
    public IReadOnlyList<string> Messages { get; private set; } = [];

    /// <summary>True when the reader asked for something (words or filters), so an empty list means "nothing found".</summary>
    public bool Asked => Criteria.Query.Length > 0 || Criteria.HasFilters;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        if (CheckEditionAddress(Addresses.Root.Search) is { } wrongAddress)
            return wrongAddress;
        Labels = Labels.For(Edition.Language);
        // An edition searches its own language unless the reader picks another.
        var language = string.IsNullOrWhiteSpace(RawLanguage) && Edition.Scoped ? Edition.Language.ToLowerInvariant() : RawLanguage;
        Criteria = SearchRequest.Parse(RawQuery, RawSection, RawTag, RawAuthor, language, RawFrom, RawTo, RawSort, RawPage, out var problems);
        var messages = problems.Select(key => Labels.Format(key, Labels.Plural("CharacterCount", MaxQueryLength))).ToList();
        Results = await search.RunAsync(Criteria, Site.TimeZone, cancellationToken);
        HttpContext.KeepAtMost(PageLifetimes.ForIndexResults(DateTime.UtcNow, index.LastChangedAtUtc));
        if (Criteria.Query.Length > 0 && Results.Total == 0 && !Results.IndexRebuilding && Results.SimilarWords.Count == 0
            && ArticleSearch.TextQuery(Criteria.Query, Text.Analysis.ArticleAnalyzers.Keys) is null)
            messages.Add(Labels["SearchNoWords"]);
        Messages = messages;
        Heading = Criteria.Query.Length > 0 ? Labels.Format("SearchResultsFor", Criteria.Query) : Labels["Search"];
        SetMeta(new PageMeta
        {
            Title = $"{Heading} – {Site.Settings.Title}",
            Language = Edition.Language,
            CanonicalUrl = AbsoluteUrl(Addresses.Search + Criteria.ToQueryString()),
            NoIndex = true,
        });
        return Page();
    }

    public string LinkTo(int page) => Addresses.Search + Criteria.ToQueryString(page);

    public string SortLink(SearchSort sort) => Addresses.Search + Criteria.ToQueryString(page: 1, sort: sort);
}
