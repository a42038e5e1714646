using System.Net;
using System.Xml.Linq;

using Gazette.Media;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Sitemaps;

public abstract class SitemapTests(GazetteSite site) : SiteTest(site)
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly XNamespace Image = "http://www.google.com/schemas/sitemap-image/1.1";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private async Task<XDocument> LoadAsync(string path)
    {
        var response = await Reader.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;

    [Fact]
    public async Task Robots_txt_names_the_index_and_the_news_sitemap()
    {
        var robots = await Reader.GetStringAsync("/robots.txt", TestContext.Current.CancellationToken);
        Assert.Contains("/sitemap.xml", robots);
        Assert.Contains("/sitemaps/news.xml", robots);
        Assert.Contains("Disallow: /admin/", robots);
    }

    [Fact]
    public async Task Index_leads_to_paged_story_sitemaps_with_images()
    {
        var headline = TestArticles.UniqueHeadline("Sitemap story");
        var story = await Site.CreateAsync(headline, configure: a => a.FeaturedFigure = new Figure { ImageUrl = "/media/demo/ferry.jpg", AltText = "A ferry" });
        var path = await Site.PathOfAsync(story);
        var index = await LoadAsync("/sitemap.xml");
        var sitemaps = index.Root!.Elements(Sm + "sitemap").Select(s => PathOf(s.Element(Sm + "loc")!.Value)).ToList();
        Assert.Contains("/sitemaps/news.xml", sitemaps);
        Assert.Contains("/sitemaps/pages.xml", sitemaps);
        var storyMaps = sitemaps.Where(s => s.StartsWith("/sitemaps/stories-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(storyMaps);

        var urls = new List<XElement>();
        foreach (var map in storyMaps)
            urls.AddRange((await LoadAsync(map)).Root!.Elements(Sm + "url"));
        Assert.True(urls.Count <= 50_000 * storyMaps.Count);
        var mine = Assert.Single(urls, u => PathOf(u.Element(Sm + "loc")!.Value) == path);
        Assert.NotNull(mine.Element(Sm + "lastmod"));
        Assert.EndsWith("/media/demo/ferry.jpg", mine.Element(Image + "image")!.Element(Image + "loc")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/sitemaps/stories-{storyMaps.Count + 1}.xml", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task News_sitemap_holds_the_last_48_hours_only()
    {
        var fresh = await Site.CreateAsync(TestArticles.UniqueHeadline("Fresh news"), configure: a => a.Language = "fr");
        var old = await Site.CreateAsync(TestArticles.UniqueHeadline("Old news"), configure: a => a.PublishedAt = DateTime.UtcNow.AddDays(-3));
        var news = await LoadAsync("/sitemaps/news.xml");
        var urls = news.Root!.Elements(Sm + "url").ToList();
        var entry = Assert.Single(urls, u => PathOf(u.Element(Sm + "loc")!.Value) == PathOfSync(fresh));
        var article = entry.Element(News + "news")!;
        Assert.False(string.IsNullOrEmpty(article.Element(News + "publication")!.Element(News + "name")!.Value));
        Assert.Equal("fr", article.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal(fresh.Headline, article.Element(News + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(article.Element(News + "publication_date")!.Value, out _));
        Assert.DoesNotContain(urls, u => u.Element(Sm + "loc")!.Value.Contains(old.Slug, StringComparison.Ordinal));

        string PathOfSync(Gazette.Articles.Article a) => Site.PathOfAsync(a).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Translations_are_linked_with_hreflang_in_sitemaps_and_page_heads()
    {
        var group = Guid.NewGuid();
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline("Translated story"), configure: a => a.TranslationGroup = group);
        var french = await Site.CreateAsync(TestArticles.UniqueHeadline("Article traduit"), configure: a => { a.TranslationGroup = group; a.Language = "fr"; });
        var englishPath = await Site.PathOfAsync(english);
        var frenchPath = await Site.PathOfAsync(french);

        var page = await Reader.GetDocumentAsync(englishPath);
        var links = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => PathOf(l.GetAttribute("href")!));
        Assert.Equal(englishPath, links["en"]);
        Assert.Equal(frenchPath, links["fr"]);
        // x-default is the translation in the site's default language (the demo site's may be either).
        Assert.Contains(links["x-default"], new[] { englishPath, frenchPath });

        var news = await LoadAsync("/sitemaps/news.xml");
        var entry = Assert.Single(news.Root!.Elements(Sm + "url"), u => PathOf(u.Element(Sm + "loc")!.Value) == frenchPath);
        var alternates = entry.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => PathOf(l.Attribute("href")!.Value));
        Assert.Equal(englishPath, alternates["en"]);
        Assert.Equal(frenchPath, alternates["fr"]);
        Assert.True(alternates.ContainsKey("x-default"));

        var single = await Site.CreateAsync(TestArticles.UniqueHeadline("Lonely story"), configure: a => a.TranslationGroup = Guid.NewGuid());
        var lonely = await Reader.GetDocumentAsync(await Site.PathOfAsync(single));
        Assert.Empty(lonely.QuerySelectorAll("link[hreflang]"));
    }
}

public sealed class SitemapTestsOnSqlite(SqliteSite site) : SitemapTests(site);

public sealed class SitemapTestsOnPostgres(PostgresSite site) : SitemapTests(site);
