using Gazette.Site;

using Microsoft.AspNetCore.Mvc;

namespace Gazette.Search;

public static class SearchEndpoint
{
    public sealed record Result(int Id, string Headline, string Snippet, string Url, string Language, DateTime PublishedAt,
        string? Section, IReadOnlyList<string> Authors);

    /// <summary>What <c>/api/search</c> answers. <c>Headline</c> and <c>Snippet</c> are HTML whose only tags are <c>&lt;mark&gt;</c>.</summary>
    public sealed record Answer(string Query, int Total, int Page, int PageCount, IReadOnlyList<Result> Results,
        IReadOnlyList<string> SimilarWords, bool IndexRebuilding, IReadOnlyList<string> Messages);

    /// <summary><c>GET /api/search</c>: the search page's results as JSON, with the same parameters.</summary>
    public static void MapSearchApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search", async ([FromQuery] string? q, [FromQuery] string? section, [FromQuery] string? tag,
            [FromQuery] string? author, [FromQuery] string? lang, [FromQuery] string? from, [FromQuery] string? to,
            [FromQuery] string? sort, [FromQuery] string? page, SiteSearch search, SiteContext site, CancellationToken cancellationToken) =>
        {
            var request = SearchRequest.Parse(q, section, tag, author, lang, from, to, sort, page, out var problems);
            var snapshot = await site.GetAsync(cancellationToken);
            var results = await search.RunAsync(request, snapshot.TimeZone, cancellationToken);
            var labels = Localization.Labels.For(snapshot.Settings.DefaultLanguage);
            var absolute = snapshot.Settings.BaseUrl.TrimEnd('/') ?? "";
            return TypedResults.Ok(new Answer(
                request.Query, results.Total, results.Page, results.PageCount,
                results.Hits.Select(hit => new Result(hit.Id, hit.HeadlineHtml, hit.SnippetHtml, absolute + hit.Path, hit.Language,
                    hit.PublishedAt, hit.SectionName, hit.AuthorNames)).ToList(),
                results.SimilarWords, results.IndexRebuilding,
                problems.Select(key => labels.Format(key, SearchRequest.MaxQueryLength)).ToList()));
        }).WithName("Search").WithTags("Search");
}
