using System.Net;

namespace Gazette.Tests.Caching;

public static class CachedPages
{
    /// <summary>
    /// Whether <paramref name="path"/> comes from the output cache (which adds <c>Age</c> to what it serves from its
    /// store, and only to that) on one of a few asks a moment apart: an eviction already on its way, from the change
    /// feed or the search index's follower, may empty the cache once more after the first ask stored the page.
    /// </summary>
    public static async Task<bool> CachedAsync(this HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (response.Headers.Age is not null)
                return true;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        return false;
    }
}
