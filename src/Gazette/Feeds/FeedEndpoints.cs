using Gazette.Articles.Markdown;
using Gazette.Data;
using Gazette.Media;
using Gazette.Site;

using Microsoft.Extensions.Options;

namespace Gazette.Feeds;

/// <summary>
/// <c>/feed/{rss|atom|json}</c> for the whole site, and the same under <c>/section/{slug}</c>, <c>/tag/{slug}</c>,
/// <c>/author/{slug}</c> and <c>/{language}</c>: the newest public stories, with 304s for readers that poll.
/// </summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("").ExcludeFromDescription();
        feeds.MapGet(Addresses.Templates.SiteFeed, (string format, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(context, "site", null, format, cancellationToken));
        feeds.MapGet(Addresses.Templates.SectionFeed, (string slug, string format, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(context, "section", slug, format, cancellationToken));
        feeds.MapGet(Addresses.Templates.TagFeed, (string slug, string format, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(context, "tag", slug, format, cancellationToken));
        feeds.MapGet(Addresses.Templates.AuthorFeed, (string slug, string format, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(context, "author", slug, format, cancellationToken));
        // A non-default edition's section, tag and author feeds (its own feed is the language feed below).
        feeds.MapGet(Addresses.Templates.InEdition(Addresses.Templates.SectionFeed),
            (string edition, string slug, string format, HttpContext context, CancellationToken cancellationToken) =>
                ServeAsync(context, "section", slug, format, cancellationToken, edition));
        feeds.MapGet(Addresses.Templates.InEdition(Addresses.Templates.TagFeed),
            (string edition, string slug, string format, HttpContext context, CancellationToken cancellationToken) =>
                ServeAsync(context, "tag", slug, format, cancellationToken, edition));
        feeds.MapGet(Addresses.Templates.InEdition(Addresses.Templates.AuthorFeed),
            (string edition, string slug, string format, HttpContext context, CancellationToken cancellationToken) =>
                ServeAsync(context, "author", slug, format, cancellationToken, edition));
        feeds.MapGet(Addresses.Templates.LanguageFeed, (string lang, string format, HttpContext context, CancellationToken cancellationToken) =>
            ServeAsync(context, "language", lang, format, cancellationToken));
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext context, string kind, string? key, string format, CancellationToken cancellationToken,
        string? editionLanguage = null)
    {
        var services = context.RequestServices;
        var db = services.GetRequiredService<GazetteDb>();
        var site = await services.GetRequiredService<SiteContext>().GetAsync(cancellationToken);
        var edition = editionLanguage is not null ? Editions.Edition.Find(site, editionLanguage)
            : kind == "language" ? Editions.Edition.Find(site, key) ?? Editions.Edition.Default(site)
            : Editions.Edition.Default(site);
        if (edition is null || editionLanguage is not null && (!edition.Scoped || edition.IsDefault))
            return Results.NotFound();
        var scope = await FeedArticles.FindScopeAsync(db, site.Settings.Title, kind, key, cancellationToken, edition);
        if (scope is null)
            return Results.NotFound();
        var feedFormat = Enum.Parse<FeedFormat>(format, ignoreCase: true);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var stories = await FeedArticles.NewestAsync(db, scope, now, cancellationToken);
        var fullText = site.Settings.FeedFullText;
        if (fullText)
        {
            var readAlso = services.GetRequiredService<ReadAlsoBlocks>();
            var resolved = new List<FeedArticle>(stories.Count);
            foreach (var story in stories)
                resolved.Add(story with { BodyHtml = await readAlso.ResolveAsync(story.BodyHtml, story.Language, cancellationToken) });
            stories = resolved;
        }
        var mediaFolder = MediaFiles.Directory(services.GetRequiredService<IOptions<GazetteOptions>>().Value);
        var document = new FeedDocument(scope, stories, site.Settings.Description, site.Settings.DefaultLanguage, fullText,
            path => Addresses.Absolute(site.Settings, context.Request, path),
            story => Addresses.Story(story.Language, story.Slug, story.PublishedAt, site.TimeZone),
            url => MediaLength(mediaFolder, url),
            (story, authorSlug) => Addresses.Byline(site, story.Language, authorSlug));
        var content = FeedWriter.Write(document, feedFormat);
        DateTime? lastModified = stories.Count > 0 ? stories.Max(s => s.UpdatedAt) : null;
        return ConditionalGet.Respond(context, content, FeedWriter.ContentType(feedFormat), lastModified);
    }

    /// <summary>The byte size of an image served from the data folder, for RSS enclosures; null when it is elsewhere.</summary>
    private static long? MediaLength(string mediaFolder, string url)
    {
        if (!url.StartsWith(MediaFiles.UrlPrefix + "/", StringComparison.Ordinal))
            return null;
        var relative = Uri.UnescapeDataString(url[(MediaFiles.UrlPrefix.Length + 1)..].Split('?')[0]);
        var full = Path.GetFullPath(Path.Combine(mediaFolder, relative));
        if (!full.StartsWith(Path.GetFullPath(mediaFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return null;
        var file = new FileInfo(full);
        return file.Exists ? file.Length : null;
    }

    /// <summary>The <c>&lt;link rel="alternate"&gt;</c> entries of a page whose feeds live under <paramref name="feedPath"/>.</summary>
    public static IReadOnlyList<FeedLink> LinksFor(string feedPath, string title) =>
    [
        new(Addresses.Feed(feedPath, FeedFormat.Rss), "application/rss+xml", $"{title} (RSS)"),
        new(Addresses.Feed(feedPath, FeedFormat.Atom), "application/atom+xml", $"{title} (Atom)"),
        new(Addresses.Feed(feedPath, FeedFormat.Json), "application/feed+json", $"{title} (JSON Feed)"),
    ];
}

public sealed record FeedLink(string Href, string Type, string Title);
