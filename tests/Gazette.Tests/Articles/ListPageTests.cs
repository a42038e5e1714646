using System.Net;

using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Articles;

public abstract class ListPageTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task Section_tag_and_author_pages_list_their_stories_newest_first()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var older = await Site.CreateAsync(TestArticles.UniqueHeadline("Older council story"), a => a.PublishedAt = DateTime.UtcNow.AddHours(-3),
            section: $"Council {marker}", authors: [$"Lena Ortiz {marker}"], tags: [$"Budget {marker}"]);
        var newer = await Site.CreateAsync(TestArticles.UniqueHeadline("Newer council story"), a => a.PublishedAt = DateTime.UtcNow.AddHours(-1),
            section: $"Council {marker}", authors: [$"Lena Ortiz {marker}"], tags: [$"Budget {marker}"]);

        foreach (var path in new[] { $"/section/council-{marker}", $"/tag/budget-{marker}", $"/author/lena-ortiz-{marker}" })
        {
            var page = await Reader.GetDocumentAsync(path);
            var headlines = page.QuerySelectorAll(".card-headline a").Select(a => a.TextContent.Trim()).ToList();
            Assert.Equal([newer.Headline, older.Headline], headlines);
            Assert.Single(page.QuerySelectorAll("h1"));
        }
        var tagPage = await Reader.GetDocumentAsync($"/tag/budget-{marker}");
        Assert.Equal("#Budget" + char.ToUpperInvariant(marker[0]) + marker[1..], tagPage.QuerySelector("h1")!.TextContent.Trim());
        var authorPage = await Reader.GetDocumentAsync($"/author/lena-ortiz-{marker}");
        Assert.Contains("writes for the tests", authorPage.QuerySelector(".list-intro")!.TextContent);
    }

    [Fact]
    public async Task Lists_paginate_and_reject_bad_page_numbers()
    {
        var section = $"Paged {Guid.NewGuid().ToString("N")[..6]}";
        for (var i = 0; i < 13; i++)
            await Site.CreateAsync(TestArticles.UniqueHeadline($"Paged story {i}"), a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-10 - i), section: section);
        var path = "/section/" + global::Gazette.Text.Slugs.Create(section);

        var first = await Reader.GetDocumentAsync(path);
        Assert.Equal(12, first.QuerySelectorAll(".card").Length);
        Assert.Equal($"{path}?page=2", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));

        var second = await Reader.GetDocumentAsync($"{path}?page=2");
        Assert.Single(second.QuerySelectorAll(".card"));
        Assert.Equal(path, second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.EndsWith($"{path}?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

        await Reader.GetDocumentAsync($"{path}?page=3", HttpStatusCode.NotFound);
        foreach (var bad in new[] { "0", "-1", "abc", "1.5", "99999999999999999999", "%00" })
            await Reader.GetDocumentAsync($"{path}?page={bad}", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_archive_lists_a_day_month_and_year_in_the_site_time_zone()
    {
        // 23:30 UTC on 31 March 2024 is already 1 April in Paris.
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Late night vote"), a => a.PublishedAt = new DateTime(2024, 3, 31, 23, 30, 0, DateTimeKind.Utc));

        Assert.Contains(article.Headline, (await Reader.GetDocumentAsync("/archive/2024/04/01")).Body!.TextContent);
        Assert.DoesNotContain(article.Headline, (await Reader.GetDocumentAsync("/archive/2024/03/31")).Body!.TextContent);
        Assert.Contains(article.Headline, (await Reader.GetDocumentAsync("/archive/2024/04")).Body!.TextContent);
        Assert.Contains(article.Headline, (await Reader.GetDocumentAsync("/archive/2024")).Body!.TextContent);
        Assert.StartsWith("/en/2024/04/01/", await Site.PathOfAsync(article));
    }

    [Theory]
    [InlineData("/archive/2023/02/30")]
    [InlineData("/archive/2023/13")]
    [InlineData("/archive/2023/00")]
    [InlineData("/archive/10000")]
    [InlineData("/archive/99999999999")]
    public async Task Impossible_archive_dates_are_bad_requests_not_errors(string path)
    {
        var response = await Reader.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/section/no-such-section")]
    [InlineData("/tag/no-such-tag")]
    [InlineData("/author/no-such-author")]
    public async Task Unknown_lists_answer_404(string path) => await Reader.GetDocumentAsync(path, HttpStatusCode.NotFound);

    [Fact]
    public async Task The_home_page_shows_the_latest_stories_and_a_block_per_section()
    {
        var section = $"Home block {Guid.NewGuid().ToString("N")[..6]}";
        var article = await Site.CreateAsync(TestArticles.UniqueHeadline("Home page story"), a => a.PublishedAt = null, section: section);

        var page = await Reader.GetDocumentAsync("/");

        // Other tests publish in parallel, so the story is among the newest few pages rather than surely first.
        var latest = page.QuerySelectorAll(".front-latest time").Select(t => DateTime.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(latest);
        Assert.Equal(latest.OrderDescending(), latest);
        var firstPages = page.Body!.TextContent;
        for (var next = 2; next <= 3; next++)
        {
            var response = await Reader.GetAsync($"/?page={next}", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
                break;
            firstPages += await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }
        Assert.Contains(article.Headline, firstPages);
        Assert.Contains(page.QuerySelectorAll(".site-nav a"), a => a.TextContent.Trim() == section);
        Assert.Single(page.QuerySelectorAll("h1"));
        await Reader.GetDocumentAsync("/?page=abc", HttpStatusCode.BadRequest);
        await Reader.GetDocumentAsync("/?page=100000", HttpStatusCode.NotFound);
    }
}

public sealed class ListPageTestsOnSqlite(SqliteSite site) : ListPageTests(site);

public sealed class ListPageTestsOnPostgres(PostgresSite site) : ListPageTests(site);
