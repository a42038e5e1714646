using System.Text;
using System.Xml;

using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Editions;
using Gazette.Feeds;
using Gazette.Site;
using Gazette.Translations;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Sitemaps;

/// <summary>
/// <c>/sitemap.xml</c> (an index), <c>/sitemaps/pages.xml</c> (each edition's home and sections, and the tags and
/// authors with a public story in it),
/// <c>/sitemaps/stories-{n}.xml</c> (every public story, with its lead image and its translations),
/// <c>/sitemaps/news.xml</c> (Google News: the last 48 hours) and <c>/robots.txt</c> naming them.
/// </summary>
public static class SitemapEndpoints
{
    /// <summary>
    /// Well under the protocol's 50,000: a story entry with an image and a few translations runs to about 2 KB,
    /// so a page stays far below the 50 MB limit too.
    /// </summary>
    public const int ArticlesPerSitemap = 10_000;

    /// <summary>Google News reads at most 1,000 URLs, from the last two days.</summary>
    public const int NewsLimit = 1000;
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    private const string ImageNs = "http://www.google.com/schemas/sitemap-image/1.1";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        var sitemaps = app.MapGroup("").ExcludeFromDescription();
        sitemaps.MapGet(Addresses.Templates.Robots, RobotsAsync);
        sitemaps.MapGet(Addresses.Templates.SitemapIndex, IndexAsync);
        sitemaps.MapGet(Addresses.Templates.SitemapPages, PagesAsync);
        sitemaps.MapGet(Addresses.Templates.SitemapStories, StoriesAsync);
        sitemaps.MapGet(Addresses.Templates.SitemapNews, NewsAsync);
        return app;
    }

    private static async Task<IResult> RobotsAsync(HttpContext context, SiteContext site, CancellationToken cancellationToken)
    {
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        var text = $"""
            User-agent: *
            Disallow: /admin/
            Disallow: /api/v1/admin/
            Disallow: {Addresses.Root.Search}

            Sitemap: {Addresses.Absolute(settings, context.Request, Addresses.Templates.SitemapIndex)}
            Sitemap: {Addresses.Absolute(settings, context.Request, Addresses.Templates.SitemapNews)}

            """;
        return Results.Text(text.Replace("\r\n", "\n"), "text/plain; charset=utf-8");
    }

    private static async Task<IResult> IndexAsync(HttpContext context, GazetteDb db, SiteContext site, TimeProvider clock, CancellationToken cancellationToken)
    {
        var settings = (await site.GetAsync(cancellationToken)).Settings;
        var now = clock.GetUtcNow().UtcDateTime;
        var updates = await db.Articles.AsNoTracking().WherePublic(now).OrderBy(a => a.Id).Select(a => a.UpdatedAt).ToListAsync(cancellationToken);
        var content = Write(writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapNs);
            WriteSitemap(writer, Addresses.Absolute(settings, context.Request, Addresses.Templates.SitemapPages), updates.Count > 0 ? updates.Max() : null);
            WriteSitemap(writer, Addresses.Absolute(settings, context.Request, Addresses.Templates.SitemapNews), null);
            for (var page = 0; page * ArticlesPerSitemap < updates.Count; page++)
            {
                var lastModified = updates.Skip(page * ArticlesPerSitemap).Take(ArticlesPerSitemap).Max();
                WriteSitemap(writer, Addresses.Absolute(settings, context.Request, Addresses.SitemapStories(page + 1)), lastModified);
            }
            writer.WriteEndElement();
        });
        return ConditionalGet.Respond(context, content, "application/xml; charset=utf-8", updates.Count > 0 ? updates.Max() : null);
    }

    private static void WriteSitemap(XmlWriter writer, string url, DateTime? lastModified)
    {
        writer.WriteStartElement("sitemap", SitemapNs);
        writer.WriteElementString("loc", SitemapNs, url);
        if (lastModified is { } modified)
            writer.WriteElementString("lastmod", SitemapNs, FeedWriter.Rfc3339(modified));
        writer.WriteEndElement();
    }

    private static async Task<IResult> PagesAsync(HttpContext context, GazetteDb db, SiteContext site, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await site.GetAsync(cancellationToken);
        var settings = snapshot.Settings;
        var now = clock.GetUtcNow().UtcDateTime;
        var paths = new List<string>();
        // Each edition's front, sections, and the tag and author pages that list one of its stories: with several
        // editions a list page keeps to its edition's language, so /en/tag/x and /tag/x are different pages.
        foreach (var language in Edition.LanguagesOf(settings))
        {
            var edition = Edition.Find(snapshot, language)!;
            var stories = edition.Scope(db.Articles.AsNoTracking().WherePublic(now));
            paths.Add(edition.Addresses.Home);
            paths.AddRange(snapshot.Sections.OrderBy(s => s.Position).Select(edition.Addresses.Section));
            var tags = await stories.SelectMany(a => a.Tags).Select(t => t.Slug).Distinct().OrderBy(slug => slug).ToListAsync(cancellationToken);
            paths.AddRange(tags.Select(edition.Addresses.Tag));
            var authors = await stories.SelectMany(a => a.Authors).Select(x => x.Author.Slug).Distinct().OrderBy(slug => slug).ToListAsync(cancellationToken);
            paths.AddRange(authors.Select(edition.Addresses.Author));
        }
        var content = Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNs);
            foreach (var path in paths.Take(ArticlesPerSitemap * 5))
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, Addresses.Absolute(settings, context.Request, path));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
        return ConditionalGet.Respond(context, content, "application/xml; charset=utf-8", null);
    }

    private sealed record Entry(int Id, string Headline, string Language, string Slug, DateTime PublishedAt, DateTime UpdatedAt,
        Guid? TranslationGroup, string? ImageUrl, string? ImageCaption);

    private static IQueryable<Entry> Entries(IQueryable<Article> articles) =>
        articles.Select(a => new Entry(a.Id, a.Headline, a.Language, a.Slug, a.PublishedAt!.Value, a.UpdatedAt, a.TranslationGroup,
            a.FeaturedFigure != null ? a.FeaturedFigure.ImageUrl : null,
            a.FeaturedFigure != null ? a.FeaturedFigure.Caption ?? a.FeaturedFigure.AltText : null));

    private static async Task<IResult> StoriesAsync(int page, HttpContext context, GazetteDb db, SiteContext site, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var snapshot = await site.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (page > int.MaxValue / ArticlesPerSitemap)
            return Results.NotFound();
        var entries = await Entries(db.Articles.AsNoTracking().WherePublic(now).OrderBy(a => a.Id)
            .Skip((page - 1) * ArticlesPerSitemap).Take(ArticlesPerSitemap)).ToListAsync(cancellationToken);
        if (entries.Count == 0 && page > 1)
            return Results.NotFound();
        var content = await WriteUrlSetAsync(context, db, snapshot, entries, now, news: false, cancellationToken);
        return ConditionalGet.Respond(context, content, "application/xml; charset=utf-8", entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : null);
    }

    private static async Task<IResult> NewsAsync(HttpContext context, GazetteDb db, SiteContext site, TimeProvider clock, CancellationToken cancellationToken)
    {
        var snapshot = await site.GetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - NewsWindow;
        var entries = await Entries(db.Articles.AsNoTracking().WherePublic(now).Where(a => a.PublishedAt >= since)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(NewsLimit)).ToListAsync(cancellationToken);
        var content = await WriteUrlSetAsync(context, db, snapshot, entries, now, news: true, cancellationToken);
        return ConditionalGet.Respond(context, content, "application/xml; charset=utf-8", entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : null,
            PageLifetimes.Listings);
    }

    private static async Task<byte[]> WriteUrlSetAsync(HttpContext context, GazetteDb db, SiteContext.Snapshot site, List<Entry> entries,
        DateTime now, bool news, CancellationToken cancellationToken)
    {
        var settings = site.Settings;
        string Absolute(string path) => Addresses.Absolute(settings, context.Request, path);
        var groups = entries.Where(e => e.TranslationGroup is not null).Select(e => e.TranslationGroup!.Value).Distinct().ToList();
        var translations = await TranslationSets.PublicGroupsAsync(db, groups, now, cancellationToken);
        return Write(writer =>
        {
            writer.WriteStartElement("urlset", SitemapNs);
            writer.WriteAttributeString("xmlns", "image", null, ImageNs);
            writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
            if (news)
                writer.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var entry in entries)
            {
                writer.WriteStartElement("url", SitemapNs);
                writer.WriteElementString("loc", SitemapNs, Absolute(Addresses.Story(entry.Language, entry.Slug, entry.PublishedAt, site.TimeZone)));
                writer.WriteElementString("lastmod", SitemapNs, FeedWriter.Rfc3339(entry.UpdatedAt));
                if (entry.TranslationGroup is { } group)
                {
                    foreach (var alternate in TranslationSets.Alternates(translations[group], settings.DefaultLanguage,
                                 m => Absolute(Addresses.Story(m.Language, m.Slug, m.PublishedAt, site.TimeZone)), entry.Id))
                    {
                        writer.WriteStartElement("xhtml", "link", XhtmlNs);
                        writer.WriteAttributeString("rel", "alternate");
                        writer.WriteAttributeString("hreflang", alternate.HrefLang);
                        writer.WriteAttributeString("href", alternate.Url);
                        writer.WriteEndElement();
                    }
                }
                if (news)
                {
                    writer.WriteStartElement("news", "news", NewsNs);
                    writer.WriteStartElement("news", "publication", NewsNs);
                    writer.WriteElementString("news", "name", NewsNs, settings.Title);
                    // Google News wants ISO 639 codes, with zh-cn and zh-tw the only regional ones.
                    var language = entry.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? entry.Language.ToLowerInvariant() : entry.Language.Split('-')[0].ToLowerInvariant();
                    writer.WriteElementString("news", "language", NewsNs, language);
                    writer.WriteEndElement();
                    writer.WriteElementString("news", "publication_date", NewsNs, FeedWriter.Rfc3339(entry.PublishedAt));
                    writer.WriteElementString("news", "title", NewsNs, entry.Headline);
                    writer.WriteEndElement();
                }
                if (entry.ImageUrl is { } image)
                {
                    writer.WriteStartElement("image", "image", ImageNs);
                    writer.WriteElementString("image", "loc", ImageNs, Absolute(image));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
