using System.Net;
using System.Text.Json;

using Gazette.Articles;
using Gazette.Media;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Feeds;

public abstract class OEmbedTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task A_story_address_gives_a_card_and_the_page_announces_it()
    {
        var headline = TestArticles.UniqueHeadline("Embedded <story>");
        var story = await Site.CreateAsync(headline, authors: ["Olga Embedder"],
            configure: a => { a.Standfirst = "A standfirst & more."; a.FeaturedFigure = new Figure { ImageUrl = "/media/demo/harbour.jpg", AltText = "Harbour", Width = 1200, Height = 800 }; });
        var url = "http://localhost" + await Site.PathOfAsync(story);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        var discovery = page.QuerySelector("link[rel=alternate][type='application/json+oembed']")!.GetAttribute("href")!;
        var response = await Reader.GetAsync(discovery, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var card = json.RootElement;
        Assert.Equal("1.0", card.GetProperty("version").GetString());
        Assert.Equal("rich", card.GetProperty("type").GetString());
        Assert.Equal(headline, card.GetProperty("title").GetString());
        Assert.Equal("Olga Embedder", card.GetProperty("author_name").GetString());
        Assert.Equal(600, card.GetProperty("width").GetInt32());
        Assert.True(card.GetProperty("height").GetInt32() > 0);
        Assert.Equal("http://localhost/media/demo/harbour.jpg", card.GetProperty("thumbnail_url").GetString());
        var html = card.GetProperty("html").GetString()!;
        Assert.Contains($"href=\"{url}\"", html);
        Assert.Contains("Embedded &lt;story&gt;", html);
        Assert.Contains("A standfirst &amp; more.", html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(320, JsonDocument.Parse(await Reader.GetStringAsync("/oembed?maxwidth=320&url=" + Uri.EscapeDataString(url), TestContext.Current.CancellationToken))
            .RootElement.GetProperty("width").GetInt32());
    }

    [Theory]
    [InlineData("/oembed", HttpStatusCode.BadRequest)]
    [InlineData("/oembed?url=not%20a%20url", HttpStatusCode.BadRequest)]
    [InlineData("/oembed?url=javascript%3Aalert(1)", HttpStatusCode.BadRequest)]
    [InlineData("/oembed?url=http%3A%2F%2Fother.example%2Fen%2F2026%2F01%2F01%2Fx", HttpStatusCode.NotFound)]
    [InlineData("/oembed?url=http%3A%2F%2Flocalhost%2Fen%2F2026%2F01%2F01%2Fno-such-story", HttpStatusCode.NotFound)]
    [InlineData("/oembed?url=http%3A%2F%2Flocalhost%2Fsearch", HttpStatusCode.NotFound)]
    [InlineData("/oembed?format=xml&url=http%3A%2F%2Flocalhost%2F", HttpStatusCode.NotImplemented)]
    [InlineData("/oembed?maxwidth=0&url=http%3A%2F%2Flocalhost%2F", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_a_clear_4xx(string path, HttpStatusCode expected)
    {
        var response = await Reader.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_draft_has_no_card()
    {
        var draft = await Site.CreateAsync(TestArticles.UniqueHeadline("Draft embed"), configure: a => a.Status = ArticleStatus.Draft);
        var url = "http://localhost/" + draft.Language + "/2026/01/01/" + draft.Slug;

        var response = await Reader.GetAsync("/oembed?url=" + Uri.EscapeDataString(url), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class OEmbedTestsOnSqlite(SqliteSite site) : OEmbedTests(site);

public sealed class OEmbedTestsOnPostgres(PostgresSite site) : OEmbedTests(site);
