using Gazette.Tests.Infrastructure;
using Gazette.Tests.Search;

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
        // Bodies of their own: two stories with the same body are copies, never in each other's "read also".
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Edited story"), a => a.BodyMarkdown = "The ferry timetable changes in spring.", tags: ["edited"]);
        var other = await site.CreateAsync(TestArticles.UniqueHeadline("Untouched story"), a => a.BodyMarkdown = "The library opens on Sundays.", tags: ["untouched"]);
        var path = await site.PathOfAsync(story);
        var otherPath = await site.PathOfAsync(other);
        var unrelated = "/tag/untouched";
        // The index takes the new stories in within a second and then evicts what it showed: let it, before caching.
        await SearchWait.UntilIndexCaughtUpAsync(site);
        foreach (var page in new[] { path, otherPath, unrelated, "/" })
            Assert.True(await reader.CachedAsync(page), $"{page} comes from the output cache");

        await site.EditAsync(story.Id, a => a.Standfirst = "A standfirst changed after caching.");
        Assert.Null((await reader.GetAsync(path, Ct)).Headers.Age);
        Assert.Null((await reader.GetAsync("/", Ct)).Headers.Age);
        var untouched = await reader.GetAsync(unrelated, Ct);
        Assert.NotNull(untouched.Headers.Age);
        Assert.Contains(other.Headline, await untouched.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Once the index has re-read the edited story it evicts the pages of the stories like it, whose "read also"
        // it may join, and still not the list that shows one of them.
        await SearchWait.UntilIndexCaughtUpAsync(site);
        Assert.Null((await reader.GetAsync(otherPath, Ct)).Headers.Age);
        Assert.NotNull((await reader.GetAsync(unrelated, Ct)).Headers.Age);
    }
}
