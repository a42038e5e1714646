using System.Net;

using Gazette.Tests.Comments;
using Gazette.Tests.Infrastructure;

using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Caching;

/// <summary>
/// Each public page runs a small, fixed number of SQL commands however many stories, tags, authors or comments it
/// shows: no query per item. The pages are asked with a query string the cache does not vary on, so they are rendered.
/// </summary>
public abstract class QueryCountTests(GazetteSite site) : SiteTest(site)
{
    /// <summary>The fewer of two renders: another test adding a section makes the next page reload the navigation.</summary>
    private async Task<int> CommandsForAsync(string path) => Math.Min(await CommandsOnceAsync(path), await CommandsOnceAsync(path));

    private async Task<int> CommandsOnceAsync(string path)
    {
        var label = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "uncached=" + label);
        request.Headers.Add(QueryCounter.Header, label);
        var response = await Reader.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Site.Services.GetRequiredService<QueryCounter>().CountFor(label);
    }

    [Fact]
    public async Task Public_pages_run_a_fixed_small_number_of_commands()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var tags = Enumerable.Range(1, 4).Select(i => $"count{unique}{i}").ToArray();
        var authors = new[] { $"Counted One {unique}", $"Counted Two {unique}" };
        Gazette.Articles.Article? story = null;
        for (var i = 0; i < 3; i++)
            story = await Site.CreateAsync(TestArticles.UniqueHeadline("Counted story"), section: $"Counted {unique}", authors: authors, tags: tags);
        for (var i = 0; i < 3; i++)
            await Site.AddApprovedAsync(story!.Id, CommentForms.UniqueEmail(), $"Counted comment {i}.");
        // Warm the site's own caches (settings, sections) so only the page's work is counted.
        await CommandsForAsync("/");

        var counts = new Dictionary<string, int>
        {
            ["home"] = await CommandsForAsync("/"),
            ["story"] = await CommandsForAsync(await Site.PathOfAsync(story!)),
            ["section"] = await CommandsForAsync("/section/" + story!.Section!.Slug),
            ["tag"] = await CommandsForAsync("/tag/" + story.Tags.First().Slug),
            ["author"] = await CommandsForAsync("/author/" + story.Authors.First().Author.Slug),
            ["feed"] = await CommandsForAsync("/feed/rss"),
        };
        var all = string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}"));
        // A list is counted, then read as cards, then the cards' bylines are read in one command (StoryLists.ToSummariesAsync).
        Assert.True(counts["story"] <= 12, all);
        Assert.True(counts["section"] <= 4, all);
        // A tag page also finds the tag by its slug in the edition's language and reads its names per language.
        Assert.True(counts["tag"] <= 6, all);
        Assert.True(counts["author"] <= 4, all);
        Assert.True(counts["feed"] <= 4, all);
        // The home page reads two lists: the latest stories and the sections' blocks.
        Assert.True(counts["home"] <= 7, all);
    }
}

public sealed class QueryCountTestsOnSqlite(SqliteSite site) : QueryCountTests(site);

public sealed class QueryCountTestsOnPostgres(PostgresSite site) : QueryCountTests(site);
