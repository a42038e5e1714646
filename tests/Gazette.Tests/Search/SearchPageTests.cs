using System.Net;

using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Search;

public abstract class SearchPageTests(GazetteSite site) : SiteTest(site)
{
    [Fact]
    public async Task The_header_search_finds_stories_by_words_of_their_headline()
    {
        var marker = "zq" + Guid.NewGuid().ToString("N")[..6];
        var article = await Site.CreateAsync($"Lighthouse keeper {marker} retires");

        // The index follows the change feed within a second or two.
        var page = await SearchWait.UntilAsync(Reader, $"/search?q=LIGHTHOUSE+{marker}", p => p.QuerySelectorAll(".card").Length > 0);

        Assert.Equal([article.Headline], page.QuerySelectorAll(".card-headline a").Select(a => a.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("meta[name=robots][content=noindex]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("%22unbalanced")]
    [InlineData("title:(")]
    [InlineData("%00")]
    public async Task Odd_queries_give_a_page_not_an_error(string query)
    {
        var response = await Reader.GetAsync($"/search?q={query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_very_long_query_is_refused_with_a_message()
    {
        var page = await Reader.GetDocumentAsync("/search?q=" + new string('a', 10_000));

        Assert.Contains("200", page.QuerySelector(".list-intro")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".card"));
    }
}

public sealed class SearchPageTestsOnSqlite(SqliteSite site) : SearchPageTests(site);

public sealed class SearchPageTestsOnPostgres(PostgresSite site) : SearchPageTests(site);
