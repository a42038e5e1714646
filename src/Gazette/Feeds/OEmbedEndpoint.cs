using System.Net;

using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Feeds;

/// <summary>
/// An oEmbed 1.0 provider (<c>/oembed?url=…</c>): another site that is given a story's address gets a card to embed,
/// a quotation of the headline and standfirst linking back, with no script and nothing loaded from elsewhere.
/// Story pages announce it with <c>&lt;link rel="alternate" type="application/json+oembed"&gt;</c>.
/// </summary>
public static class OEmbedEndpoint
{
    private const int DefaultWidth = 600;
    private const int CardHeight = 240;

    public static IEndpointRouteBuilder MapOEmbed(this IEndpointRouteBuilder app)
    {
        app.MapGet(Addresses.Templates.OEmbed, AnswerAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AnswerAsync(string? url, string? format, int? maxwidth, HttpContext context,
        GazetteDb db, SiteContext site, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The specification's answer to a format the provider does not write.
        if (format is not null && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
            return Results.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Only format=json is provided.");
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give the absolute address of a story in url=.");
        if (maxwidth is < 1)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "maxwidth must be a positive number of pixels.");

        var snapshot = await site.GetAsync(cancellationToken);
        var baseUrl = Addresses.BaseUrl(snapshot.Settings, context.Request);
        var isStory = Addresses.TryReadStory(uri.AbsolutePath, out var language, out var slug);
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var siteUri) || !string.Equals(uri.Host, siteUri.Host, StringComparison.OrdinalIgnoreCase) || !isStory)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "That address is not a story of this site.");
        var article = await db.Articles.AsNoTracking()
            .Include(a => a.Authors.OrderBy(byline => byline.Position)).ThenInclude(byline => byline.Author)
            .WherePublic(clock.GetUtcNow().UtcDateTime)
            .FirstOrDefaultAsync(a => a.Language == language && a.Slug == slug, cancellationToken);
        var path = article is null ? null : Addresses.Story(article, snapshot.TimeZone);
        if (article is null || !string.Equals(path, uri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No public story at that address.");

        var storyUrl = baseUrl + path;
        var width = Math.Min(maxwidth ?? DefaultWidth, DefaultWidth);
        var authors = string.Join(", ", article.Authors.Select(a => a.Author.Name));
        var html = $"<blockquote class=\"gazette-embed\" lang=\"{WebUtility.HtmlEncode(article.Language)}\" cite=\"{WebUtility.HtmlEncode(storyUrl)}\">"
            + $"<p><a href=\"{WebUtility.HtmlEncode(storyUrl)}\">{WebUtility.HtmlEncode(article.DisplayHeadline)}</a></p>"
            + (article.Standfirst.Length > 0 ? $"<p>{WebUtility.HtmlEncode(article.Standfirst)}</p>" : "")
            + $"<footer>{WebUtility.HtmlEncode(snapshot.Settings.Title)}</footer></blockquote>";
        var answer = new Dictionary<string, object?>
        {
            ["version"] = "1.0",
            ["type"] = "rich",
            ["title"] = article.DisplayHeadline,
            ["provider_name"] = snapshot.Settings.Title,
            ["provider_url"] = baseUrl + "/",
            ["html"] = html,
            ["width"] = width,
            ["height"] = CardHeight,
            ["cache_age"] = 3600,
        };
        if (authors.Length > 0)
            answer["author_name"] = authors;
        if (article.Authors.FirstOrDefault() is { } first)
            answer["author_url"] = baseUrl + Addresses.Byline(snapshot, article.Language, first.Author.Slug);
        if (article.FeaturedFigure is { Width: > 0, Height: > 0 } figure)
        {
            answer["thumbnail_url"] = Addresses.Absolute(snapshot.Settings, context.Request, figure.ImageUrl);
            answer["thumbnail_width"] = figure.Width;
            answer["thumbnail_height"] = figure.Height;
        }
        context.Response.Headers.CacheControl = PageLifetimes.Embeds;
        return Results.Json(answer);
    }
}
