using System.Net;
using System.Text.Json;

using Gazette.Articles;
using Gazette.Media;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Articles;

public abstract class ArticlePageTests(GazetteSite site) : SiteTest(site)
{
    // 09:48 UTC is 11:48 in Paris (summer time), the demo site's zone.
    private static readonly DateTime JuneMorning = new(2023, 6, 15, 9, 48, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_french_story_shows_every_part_of_a_news_page_in_french()
    {
        var headline = TestArticles.UniqueHeadline("Le port de Valmer agrandit ses quais");
        var article = await Site.CreateAsync(headline, a =>
        {
            a.Language = "fr";
            a.SecondHeadline = "Les pêcheurs attendent des garanties";
            a.Standfirst = "La commune investit dans un nouveau quai.";
            a.PublishedAt = JuneMorning;
            a.FeaturedFigure = new Figure { ImageUrl = "/media/test/quai.jpg", AltText = "Un quai sous la pluie", Caption = "Le quai nord en travaux.", Credit = "Agence Test/Photo" };
        }, section: "Régions test", authors: ["Claire Dumont", "Yves Le Gall"], tags: ["Port de Valmer", "Pêche artisanale"]);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal($"{headline} • Les pêcheurs attendent des garanties", h1.TextContent.Trim());
        Assert.StartsWith(headline, page.Title);
        Assert.DoesNotContain("•", page.Title);
        Assert.Equal("La commune investit dans un nouveau quai.", page.QuerySelector(".standfirst")!.TextContent.Trim());

        var byline = page.QuerySelector(".byline")!;
        Assert.StartsWith("Par", byline.TextContent.Trim());
        Assert.Equal(["/author/claire-dumont", "/author/yves-le-gall"], byline.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        Assert.Contains(" et ", byline.TextContent);

        var time = page.QuerySelector(".dateline time")!;
        Assert.Equal("15 juin 2023 à 11:48", time.TextContent.Trim());
        Assert.Equal("2023-06-15T09:48:00Z", time.GetAttribute("datetime"));
        Assert.Contains("Publié le", page.QuerySelector(".dateline")!.TextContent);

        var figure = page.QuerySelector("figure.lead-figure")!;
        Assert.Equal("Un quai sous la pluie", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Le quai nord en travaux.", figure.QuerySelector(".caption")!.TextContent.Trim());
        Assert.Equal("Agence Test/Photo", figure.QuerySelector(".credit")!.TextContent.Trim());

        Assert.Equal(new[] { "#PortDeValmer", "#PêcheArtisanale" }.Order(), page.QuerySelectorAll(".tags a").Select(a => a.TextContent.Trim()).Order());
        Assert.All(page.QuerySelectorAll(".tags a"), a => Assert.StartsWith("/tag/", a.GetAttribute("href")));

        Assert.Equal("Partager", page.QuerySelector(".share h2")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#comments"));
        var text = page.Body!.TextContent;
        foreach (var english in new[] { "Share", "Read also", "Published", "Comments", "Leave a Comment" })
            Assert.DoesNotContain(english, text);
    }

    [Fact]
    public async Task An_english_story_dates_and_labels_are_english()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Harbour works begin"), a => a.PublishedAt = JuneMorning, authors: ["Ann Writer"]);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("15 June 2023, 11:48", page.QuerySelector(".dateline time")!.TextContent.Trim());
        Assert.StartsWith("By", page.QuerySelector(".byline")!.TextContent.Trim());
        Assert.Equal("Share", page.QuerySelector(".share h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task Share_links_are_plain_links_and_the_page_loads_nothing_from_another_host()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Plain share links"), a =>
            a.FeaturedFigure = new Figure { ImageUrl = "/media/test/x.jpg", AltText = "A test picture" });

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        var share = page.QuerySelectorAll(".share a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(7, share.Count);
        foreach (var host in new[] { "facebook.com", "x.com", "linkedin.com", "pinterest.com", "bsky.app", "wa.me" })
            Assert.Single(share, href => new Uri(href).Host.EndsWith(host, StringComparison.Ordinal));
        Assert.Single(share, href => href.StartsWith("mailto:", StringComparison.Ordinal));
        Assert.All(share.Where(h => !h.StartsWith("mailto:", StringComparison.Ordinal)), href => Assert.StartsWith("https://", href));

        // Nothing the browser fetches by itself may point elsewhere: scripts, styles, images, frames.
        Assert.Empty(page.QuerySelectorAll("iframe, object, embed"));
        var fetched = page.QuerySelectorAll("link[href]").Where(l => l.GetAttribute("rel") is "stylesheet" or "icon").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!))
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));
        Assert.All(fetched, url => Assert.StartsWith("/", url));
    }

    [Fact]
    public async Task The_head_has_canonical_opengraph_and_a_parseable_news_article()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Tram line opens"), a =>
        {
            a.PublishedAt = JuneMorning;
            a.FeaturedFigure = new Figure { ImageUrl = "/media/test/tram.jpg", AltText = "The new tram" };
            a.Standfirst = "The first tram carried 300 people.";
        }, section: "City test", authors: ["Ann Writer", "Bo Reporter"], tags: ["Tram line"]);
        var path = await Site.PathOfAsync(article);

        var page = await Reader.GetDocumentAsync(path);

        var canonical = page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.EndsWith(path, canonical);
        Assert.True(Uri.IsWellFormedUriString(canonical, UriKind.Absolute));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("The first tram carried 300 people.", page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.EndsWith("/media/test/tram.jpg", Meta(page, "og:image"));
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(article.Headline, root.GetProperty("headline").GetString());
        Assert.Equal("en", root.GetProperty("inLanguage").GetString());
        Assert.Equal(new DateTimeOffset(JuneMorning), DateTimeOffset.Parse(root.GetProperty("datePublished").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(root.TryGetProperty("dateModified", out _));
        Assert.Equal(["Ann Writer", "Bo Reporter"], root.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()!));
        Assert.EndsWith("/media/test/tram.jpg", root.GetProperty("image")[0].GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("publisher").GetProperty("name").GetString()));
        Assert.Equal(canonical, root.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
    }

    [Fact]
    public async Task The_json_ld_cannot_be_broken_out_of_by_a_headline()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Quotes \" and </script><script>alert(1)</script> in a headline"));

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal(article.Headline, json.RootElement.GetProperty("headline").GetString());
        // The only other script is the site's own file (the comment form's enhancement): nothing inline to break into.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), other =>
        {
            Assert.StartsWith("/js/", other.GetAttribute("src"));
            Assert.Empty(other.TextContent);
        });
    }

    [Fact]
    public async Task A_changed_slug_answers_the_old_url_with_a_permanent_redirect()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Bridge to close"));
        var oldPath = await Site.PathOfAsync(article);

        var renamed = await Site.EditAsync(article.Id, a => a.Slug = "bridge-closed-" + a.Id);
        var newPath = await Site.PathOfAsync(renamed);

        Assert.NotEqual(oldPath, newPath);
        var response = await Reader.GetAsync(oldPath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(newPath, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(newPath, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Taking_back_an_old_slug_does_not_redirect_to_itself()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Ferry timetable"));
        var firstSlug = article.Slug;
        await Site.EditAsync(article.Id, a => a.Slug = firstSlug + "-changed");
        var back = await Site.EditAsync(article.Id, a => a.Slug = firstSlug);

        var response = await Reader.GetAsync(await Site.PathOfAsync(back), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_date_in_the_url_redirects_to_the_canonical_one()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Market day moved"), a => a.PublishedAt = JuneMorning);

        var response = await Reader.GetAsync($"/en/2020/01/01/{article.Slug}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/en/2023/06/15/{article.Slug}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/en/2023/06/15/no-such-story-anywhere")]
    [InlineData("/xx/2023/06/15/no-such-story-anywhere")]
    [InlineData("/en/2023/13/15/no-such-story")]
    [InlineData("/en/2023/06/15/" + "a-very-long-slug-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-past-the-limit")]
    public async Task Unknown_stories_answer_404_with_a_search_box(string path)
    {
        var page = await Reader.GetDocumentAsync(path, HttpStatusCode.NotFound);

        Assert.NotNull(page.QuerySelector(".error-page form[action='/search'] input[name=q]"));
        Assert.NotNull(page.QuerySelector("meta[name=robots][content=noindex]"));
    }

    [Fact]
    public async Task Drafts_and_future_stories_are_not_public_but_a_due_scheduled_story_is()
    {
        var draft = await Site.CreateAsync(TestArticles.UniqueHeadline("Draft story"), a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });
        var future = await Site.CreateAsync(TestArticles.UniqueHeadline("Future story"), a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddDays(1); });
        var due = await Site.CreateAsync(TestArticles.UniqueHeadline("Due story"), a => { a.Status = ArticleStatus.Scheduled; a.PublishedAt = DateTime.UtcNow.AddMinutes(-1); });
        var unpublished = await Site.CreateAsync(TestArticles.UniqueHeadline("Withdrawn story"));
        var unpublishedPath = await Site.PathOfAsync(unpublished);
        await Site.EditAsync(unpublished.Id, a => a.Status = ArticleStatus.Unpublished);

        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync(await Site.PathOfAsync(draft), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync(await Site.PathOfAsync(future), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(await Site.PathOfAsync(due), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync(unpublishedPath, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_updated_time_shows_only_when_the_story_changed_after_publication()
    {
        var fresh = await Site.CreateAsync(TestArticles.UniqueHeadline("Fresh story"), a => a.PublishedAt = null);
        var edited = await Site.CreateAsync(TestArticles.UniqueHeadline("Edited story"), a => a.PublishedAt = JuneMorning);

        Assert.Null((await Reader.GetDocumentAsync(await Site.PathOfAsync(fresh))).QuerySelector(".dateline .updated"));
        var updated = (await Reader.GetDocumentAsync(await Site.PathOfAsync(edited))).QuerySelector(".dateline .updated time");
        Assert.NotNull(updated);
    }

    [Fact]
    public async Task Hostile_markdown_reaches_the_reader_sanitized()
    {
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Hostile body"), a => a.BodyMarkdown = """
            Hello <script>alert('x')</script> world.

            <img src="/media/x.jpg" onerror="alert(1)" alt="x">

            [click](javascript:alert(1)) and <a href="javascript:alert(2)">there</a>

            <iframe src="https://evil.example/"></iframe>
            """);

        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(article));

        var body = page.QuerySelector(".story-body")!;
        Assert.Empty(body.QuerySelectorAll("script, iframe"));
        Assert.All(body.QuerySelectorAll("*"), element => Assert.DoesNotContain(element.Attributes, attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.All(body.QuerySelectorAll("a[href]"), a => Assert.DoesNotContain("javascript:", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("world", body.TextContent);
    }

    private static string? Meta(AngleSharp.Html.Dom.IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
}

public sealed class ArticlePageTestsOnSqlite(SqliteSite site) : ArticlePageTests(site);

public sealed class ArticlePageTestsOnPostgres(PostgresSite site) : ArticlePageTests(site);
