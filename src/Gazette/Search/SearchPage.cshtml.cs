using Gazette.Articles;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.Mvc;

namespace Gazette.Search;

/// <summary>
/// <c>GET /search?q=</c>: stories whose headline or standfirst contains the words typed. A plain database match
/// that keeps the header's search box useful until the full-text index (Lucene.NET) replaces it.
/// </summary>
public sealed class SearchPageModel(GazetteDb db, SiteContext site, TimeProvider clock) : StoryListPageModel(db, site, clock)
{
    public const int MaxQueryLength = 200;

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadSiteAsync(cancellationToken);
        var labels = Localization.Labels.For(Site.Settings.DefaultLanguage);
        var words = (Query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(word => word.Length >= 2)
            .Select(word => word.ToLowerInvariant())
            .Distinct()
            .Take(8)
            .ToList();
        if ((Query ?? "").Length > MaxQueryLength)
        {
            Problem = labels.Format("SearchTooLong", MaxQueryLength);
            words.Clear();
        }
        var stories = Db.Articles.AsQueryable();
        if (words.Count == 0)
            stories = stories.Where(a => false);
        foreach (var word in words)
            stories = stories.Where(a => a.Headline.ToLower().Contains(word) || (a.SecondHeadline != null && a.SecondHeadline.ToLower().Contains(word)) || a.Standfirst.ToLower().Contains(word));
        var heading = string.IsNullOrWhiteSpace(Query) || Problem is not null ? labels["Search"] : labels.Format("SearchResultsFor", Query!.Trim());
        var path = string.IsNullOrWhiteSpace(Query) || Problem is not null ? "/search" : $"/search?q={Uri.EscapeDataString(Query!.Trim())}";
        return await ShowAsync(stories, heading, Problem, path, cancellationToken, noIndex: true);
    }
}
