using Gazette.Caching;

namespace Gazette.Tests.Caching;

public sealed class LocalOutputCacheStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Evicting_a_tag_drops_its_entries_and_keeps_the_others()
    {
        using var store = new LocalOutputCacheStore(1024 * 1024);
        store.Set("home", [1], ["home", "page"], TimeSpan.FromMinutes(1));
        store.Set("story", [2], ["article:1", "page"], TimeSpan.FromMinutes(1));
        store.Set("feed", [3], ["feed"], TimeSpan.FromMinutes(1));

        await store.EvictByTagAsync("page", Ct);

        Assert.Null(await store.GetAsync("home", Ct));
        Assert.Null(await store.GetAsync("story", Ct));
        Assert.Equal([3], await store.GetAsync("feed", Ct));
    }

    [Fact]
    public async Task A_replaced_entry_stays_under_its_tags()
    {
        using var store = new LocalOutputCacheStore(1024 * 1024);
        store.Set("story", [1], ["article:1"], TimeSpan.FromMinutes(1));
        store.Set("story", [2], ["article:1"], TimeSpan.FromMinutes(1));
        // The replaced entry's eviction callback runs later on the thread pool; it must not untag the new one.
        await Task.Delay(200, Ct);

        await store.EvictByTagAsync("article:1", Ct);

        Assert.Null(await store.GetAsync("story", Ct));
    }

    [Fact]
    public async Task Clear_forgets_everything_and_nothing_is_kept_for_no_time()
    {
        using var store = new LocalOutputCacheStore(1024 * 1024);
        store.Set("home", [1], ["home"], TimeSpan.FromMinutes(1));
        store.Set("gone", [1], ["home"], TimeSpan.Zero);
        Assert.Null(await store.GetAsync("gone", Ct));

        store.Clear();

        Assert.Null(await store.GetAsync("home", Ct));
    }
}
