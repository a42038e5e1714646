using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;

using Gazette.Articles;
using Gazette.Media;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Feeds;

public abstract partial class FeedTests(GazetteSite site) : SiteTest(site)
{
    private async Task<SyndicationFeed> LoadAsync(string path)
    {
        var response = await Reader.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task Rss_and_atom_parse_and_carry_the_newest_public_stories_with_authors_and_categories()
    {
        var headline = TestArticles.UniqueHeadline("Feed story");
        var story = await Site.CreateAsync(headline, section: "Feed desk", authors: ["Fiona Feedwriter"], tags: ["ferries"],
            configure: a => a.FeaturedFigure = new Figure { ImageUrl = "/media/demo/harbour.jpg", AltText = "A harbour at dawn", Width = 1200, Height = 800 });
        await Site.CreateAsync(TestArticles.UniqueHeadline("Feed draft"), configure: a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });
        var path = await Site.PathOfAsync(story);

        foreach (var format in new[] { "rss", "atom" })
        {
            var feed = await LoadAsync($"/feed/{format}");
            var item = Assert.Single(feed.Items, i => i.Title.Text == headline);
            Assert.EndsWith(path, item.Links.First(l => l.RelationshipType is null or "alternate").Uri.ToString());
            Assert.Contains(item.Categories, c => c.Name == "Feed desk");
            Assert.Contains(item.Categories, c => c.Name == "ferries");
            Assert.True(item.PublishDate > DateTimeOffset.UtcNow.AddHours(-1));
            var enclosure = Assert.Single(item.Links, l => l.RelationshipType == "enclosure");
            Assert.EndsWith("/media/demo/harbour.jpg", enclosure.Uri.ToString());
            Assert.DoesNotContain(feed.Items, i => i.Title.Text.StartsWith("Feed draft", StringComparison.Ordinal));
            if (format == "atom")
                Assert.Contains(item.Authors, a => a.Name == "Fiona Feedwriter" && string.IsNullOrEmpty(a.Email));
            else
                Assert.Contains(item.ElementExtensions, e => e.OuterName == "creator" && e.GetObject<string>() == "Fiona Feedwriter");
        }
    }

    [Fact]
    public async Task Json_feed_follows_version_1_1()
    {
        var headline = TestArticles.UniqueHeadline("Json feed story");
        await Site.CreateAsync(headline, authors: ["Jasper Json"]);
        var response = await Reader.GetAsync("/feed/json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        Assert.EndsWith("/feed/json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            foreach (var name in new[] { "date_published", "date_modified" })
                Assert.Matches(Rfc3339(), item.GetProperty(name).GetString()!);
        }
        var mine = Assert.Single(items, i => i.GetProperty("title").GetString() == headline);
        Assert.Equal("Jasper Json", mine.GetProperty("authors")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Section_tag_author_and_language_feeds_hold_their_own_stories()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var headline = TestArticles.UniqueHeadline("Scoped feed story");
        await Site.CreateAsync(headline, section: $"Scoped {unique}", authors: [$"Scoped Author {unique}"], tags: [$"scoped-{unique}"],
            configure: a => a.Language = "nl");
        var other = TestArticles.UniqueHeadline("Unscoped feed story");
        await Site.CreateAsync(other);
        foreach (var scope in new[] { $"/section/scoped-{unique}", $"/tag/scoped-{unique}", $"/author/scoped-author-{unique}", "/nl" })
        {
            var feed = await LoadAsync($"{scope}/feed/atom");
            Assert.Contains(feed.Items, i => i.Title.Text == headline);
            Assert.DoesNotContain(feed.Items, i => i.Title.Text == other);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync("/section/no-such-section/feed/rss", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync("/feed/yaml", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Etag_and_last_modified_are_answered_with_304()
    {
        var first = await Reader.GetAsync("/feed/rss", TestContext.Current.CancellationToken);
        Assert.NotNull(first.Headers.ETag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, "/feed/rss");
        byEtag.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var response = await Reader.SendAsync(byEtag, TestContext.Current.CancellationToken);
        // Another test may have published meanwhile; then the feed changed and 200 is right.
        Assert.True(response.StatusCode is HttpStatusCode.NotModified or HttpStatusCode.OK);

        using var bySince = new HttpRequestMessage(HttpMethod.Get, "/feed/json");
        bySince.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.SendAsync(bySince, TestContext.Current.CancellationToken)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/feed/json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
        Assert.Equal(HttpStatusCode.OK, (await Reader.SendAsync(stale, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Pages_announce_their_feeds_in_the_head()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        await Site.CreateAsync(TestArticles.UniqueHeadline("Announced feed story"), section: $"Announced {unique}");
        var home = await Reader.GetDocumentAsync("/");
        Assert.Contains(home.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']"), l => l.GetAttribute("href") == "/feed/rss");
        Assert.Contains(home.QuerySelectorAll("link[rel=alternate][type='application/feed+json']"), l => l.GetAttribute("href") == "/feed/json");
        var section = await Reader.GetDocumentAsync($"/section/announced-{unique}");
        Assert.Contains(section.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"), l => l.GetAttribute("href") == $"/section/announced-{unique}/feed/atom");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}

public sealed class FeedTestsOnSqlite(SqliteSite site) : FeedTests(site);

public sealed class FeedTestsOnPostgres(PostgresSite site) : FeedTests(site);
