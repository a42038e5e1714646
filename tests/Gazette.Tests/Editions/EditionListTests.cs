using System.Net;

using Gazette.Articles;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Editions;

/// <summary>Author and date-archive pages (and their feeds) keep to their edition like section and tag pages.</summary>
public abstract partial class EditionTests
{
    [Fact]
    public async Task Author_pages_and_feeds_list_their_editions_stories_only()
    {
        var authorName = TestArticles.UniqueHeadline("Inès Marchal");
        var slug = Gazette.Text.Slugs.Create(authorName);
        var french = await Site.CreateAsync(TestArticles.UniqueHeadline("La digue tient"), a => a.Language = "fr", authors: [authorName]);
        // One more than a page, so the English list has a second page.
        var english = new List<Article>();
        for (var i = 0; i < ArticleLists.PageSize + 1; i++)
            english.Add(await Site.CreateAsync(TestArticles.UniqueHeadline($"The dyke holds {i}"), a =>
            {
                a.Language = "en";
                a.PublishedAt = DateTime.UtcNow.AddMinutes(-10 - i);
            }, authors: [authorName]));

        var root = await Reader.GetDocumentAsync($"/author/{slug}");
        Assert.Contains(french.Headline, root.Body!.TextContent);
        Assert.DoesNotContain(english[0].Headline, root.Body!.TextContent);
        Assert.Null(root.QuerySelector(".pagination"));

        var en = await Reader.GetDocumentAsync($"/en/author/{slug}");
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains(english[0].Headline, en.Body!.TextContent);
        Assert.DoesNotContain(french.Headline, en.Body!.TextContent);
        Assert.Equal("/en/", en.QuerySelector(".site-title a")!.GetAttribute("href"));
        Assert.Equal($"/en/author/{slug}?page=2", en.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Contains(en.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']"), l => l.GetAttribute("href") == $"/en/author/{slug}/feed/rss");
        var alternates = en.QuerySelectorAll("link[rel=alternate][hreflang]")
            .Select(l => $"{l.GetAttribute("hreflang")}={new Uri(l.GetAttribute("href")!).AbsolutePath}").Order().ToList();
        Assert.Equal([$"en=/en/author/{slug}", $"fr=/author/{slug}", $"nl=/nl/author/{slug}", $"x-default=/author/{slug}"], alternates);

        var second = await Reader.GetDocumentAsync($"/en/author/{slug}?page=2");
        Assert.Contains(english[^1].Headline, second.Body!.TextContent);
        Assert.Equal($"/en/author/{slug}", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href")!.Split('?')[0]);

        // A story links its byline to the author's page in the story's edition.
        var story = await Reader.GetDocumentAsync(await Site.PathOfAsync(english[0]));
        Assert.Equal($"/en/author/{slug}", story.QuerySelector("a[rel=author]")!.GetAttribute("href"));

        var enFeed = await Reader.GetStringAsync($"/en/author/{slug}/feed/json", TestContext.Current.CancellationToken);
        Assert.Contains(english[0].Headline, enFeed);
        Assert.DoesNotContain(french.Headline, enFeed);
        Assert.Contains($"/en/author/{slug}\"", enFeed);
        var rootFeed = await Reader.GetStringAsync($"/author/{slug}/feed/rss", TestContext.Current.CancellationToken);
        Assert.Contains(french.Headline, rootFeed);
        Assert.DoesNotContain(english[0].Headline, rootFeed);

        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/de/author/{slug}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync($"/de/author/{slug}/feed/rss", TestContext.Current.CancellationToken)).StatusCode);
        var defaultPrefix = await Reader.GetAsync($"/fr/author/{slug}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, defaultPrefix.StatusCode);
        Assert.Equal($"/author/{slug}", defaultPrefix.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Date_archives_list_their_editions_stories_under_its_labels()
    {
        // A day of its own, long ago, so that no other test's story falls on it.
        var day = new DateTime(1950, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(Random.Shared.Next(0, 365 * 40));
        var french = await Site.CreateAsync(TestArticles.UniqueHeadline("Le marché rouvre"), a => { a.Language = "fr"; a.PublishedAt = day; });
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline("The market reopens"), a => { a.Language = "en"; a.PublishedAt = day; });
        var path = $"/archive/{day:yyyy}/{day:MM}/{day:dd}";

        var root = await Reader.GetDocumentAsync(path);
        Assert.Contains(french.Headline, root.Body!.TextContent);
        Assert.DoesNotContain(english.Headline, root.Body!.TextContent);
        Assert.StartsWith("Articles de", root.QuerySelector("h1")!.TextContent.Trim());

        var en = await Reader.GetDocumentAsync("/en" + path);
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains(english.Headline, en.Body!.TextContent);
        Assert.DoesNotContain(french.Headline, en.Body!.TextContent);
        Assert.StartsWith("Stories of", en.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/en" + path, new Uri(en.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).AbsolutePath);
        Assert.Equal("/en/", en.QuerySelector(".site-title a")!.GetAttribute("href"));

        var nl = await Reader.GetDocumentAsync("/nl" + path);
        Assert.DoesNotContain(english.Headline, nl.Body!.TextContent);
        Assert.DoesNotContain(french.Headline, nl.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader.GetAsync("/de" + path, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await Reader.GetAsync("/fr" + path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_pages_sitemap_names_each_editions_front_sections_and_its_own_tag_and_author_pages()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var english = await Site.CreateAsync(TestArticles.UniqueHeadline("The lock gates open"), a => a.Language = "en",
            authors: [$"Ada Lock {unique}"], tags: [$"locks{unique}"]);
        var frenchTag = $"ecluses{unique}";
        await Site.CreateAsync(TestArticles.UniqueHeadline("Les écluses ouvrent"), a => a.Language = "fr", tags: [frenchTag]);

        var xml = System.Xml.Linq.XDocument.Parse(await Reader.GetStringAsync("/sitemaps/pages.xml", TestContext.Current.CancellationToken));
        var paths = xml.Root!.Elements().Select(u => new Uri(u.Elements().First().Value).AbsolutePath).ToList();

        Assert.Contains("/", paths);
        Assert.Contains("/en/", paths);
        Assert.Contains("/nl/", paths);
        var tagSlug = english.Tags.Single().Slug;
        var authorSlug = Gazette.Text.Slugs.Create($"Ada Lock {unique}");
        Assert.Contains($"/en/tag/{tagSlug}", paths);
        Assert.Contains($"/en/author/{authorSlug}", paths);
        // The root (French) and Dutch pages of that tag list none of its stories: not in the sitemap.
        Assert.DoesNotContain($"/tag/{tagSlug}", paths);
        Assert.DoesNotContain($"/nl/tag/{tagSlug}", paths);
        Assert.Contains($"/tag/{frenchTag}", paths);
        Assert.DoesNotContain($"/en/tag/{frenchTag}", paths);
        Assert.Equal(paths.Count, paths.Distinct().Count());
        foreach (var path in new[] { "/en/", $"/en/tag/{tagSlug}", $"/en/author/{authorSlug}" })
            Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Structured_data_and_the_content_api_link_a_byline_to_the_authors_page_in_the_storys_edition()
    {
        var authorName = TestArticles.UniqueHeadline("Noor Vliet");
        var slug = Gazette.Text.Slugs.Create(authorName);
        var dutch = await Site.CreateAsync(TestArticles.UniqueHeadline("De sluis gaat open"), a => a.Language = "nl", authors: [authorName]);
        var french = await Site.CreateAsync(TestArticles.UniqueHeadline("L'écluse ouvre"), a => a.Language = "fr", authors: [authorName]);

        static string AuthorUrlInJsonLd(AngleSharp.Html.Dom.IHtmlDocument page)
        {
            using var json = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            return new Uri(json.RootElement.GetProperty("author")[0].GetProperty("url").GetString()!).AbsolutePath;
        }
        Assert.Equal($"/nl/author/{slug}", AuthorUrlInJsonLd(await Reader.GetDocumentAsync(await Site.PathOfAsync(dutch))));
        Assert.Equal($"/author/{slug}", AuthorUrlInJsonLd(await Reader.GetDocumentAsync(await Site.PathOfAsync(french))));

        using var api = System.Text.Json.JsonDocument.Parse(await Reader.GetStringAsync($"/api/v1/stories/{dutch.Id}", TestContext.Current.CancellationToken));
        var author = api.RootElement.GetProperty("authors")[0];
        Assert.Equal($"/nl/author/{slug}", new Uri(author.GetProperty("url").GetString()!).AbsolutePath);

        var storyUrl = "http://localhost" + await Site.PathOfAsync(dutch);
        using var embed = System.Text.Json.JsonDocument.Parse(await Reader.GetStringAsync($"/oembed?url={Uri.EscapeDataString(storyUrl)}", TestContext.Current.CancellationToken));
        Assert.Equal($"/nl/author/{slug}", new Uri(embed.RootElement.GetProperty("author_url").GetString()!).AbsolutePath);
    }
}
