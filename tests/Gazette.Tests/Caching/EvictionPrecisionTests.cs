using System.Net;

using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Caching;

/// <summary>
/// An edit evicts what shows the story and leaves the rest cached. On a site of its own: on the shared sites other
/// tests add sections, and a new section (in every page's navigation) evicts everything.
/// </summary>
public sealed class EvictionPrecisionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Editing_a_story_leaves_pages_that_do_not_show_it_cached()
    {
        await using var site = new OneOffSite("Sqlite", null);
        var reader = site.CreateReader();
        var story = await site.CreateAsync(Stories.UniqueHeadline("Edited story"), tags: ["edited"]);
        var other = await site.CreateAsync(Stories.UniqueHeadline("Untouched story"), tags: ["untouched"]);
        var path = await site.PathOfAsync(story);
        var unrelated = "/tag/untouched";
        foreach (var page in new[] { path, unrelated, "/" })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(page, Ct)).StatusCode);
            Assert.NotNull((await reader.GetAsync(page, Ct)).Headers.Age);
        }

        await site.EditAsync(story.Id, a => a.Standfirst = "A standfirst changed after caching.");
        Assert.Null((await reader.GetAsync(path, Ct)).Headers.Age);
        Assert.Null((await reader.GetAsync("/", Ct)).Headers.Age);
        var untouched = await reader.GetAsync(unrelated, Ct);
        Assert.NotNull(untouched.Headers.Age);
        Assert.Contains(other.Headline, await untouched.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
