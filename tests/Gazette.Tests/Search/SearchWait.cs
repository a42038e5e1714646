using System.Text.Json;

using AngleSharp.Html.Dom;

using Gazette.Data;
using Gazette.Search;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Search;

/// <summary>The index follows the database within seconds, not at once: tests poll until it has caught up.</summary>
public static class SearchWait
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<IHtmlDocument> UntilAsync(HttpClient reader, string path, Func<IHtmlDocument, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var page = await reader.GetDocumentAsync(path);
            if (done(page) || DateTime.UtcNow > deadline)
                return page;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Until the index has applied every change-feed row written so far, and a moment more for the follower's eviction
    /// pass that comes right after: for tests that need the cache to settle before they watch it.
    /// </summary>
    public static async Task UntilIndexCaughtUpAsync(GazetteSite site)
    {
        var newest = await site.WithScopeAsync(async services =>
            await services.GetRequiredService<GazetteDb>().ChangeEvents.MaxAsync(c => (long?)c.Id, TestContext.Current.CancellationToken) ?? 0);
        var index = site.Services.GetRequiredService<SearchIndex>();
        var deadline = DateTime.UtcNow + Timeout;
        while (index.LastChangeId < newest)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the search index is still at change {index.LastChangeId} of {newest}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await Task.Delay(200, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ApiUntilAsync(HttpClient reader, string query, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var answer = await ApiAsync(reader, query);
            if (done(answer) || DateTime.UtcNow > deadline)
                return answer;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public static async Task<JsonElement> ApiAsync(HttpClient reader, string query)
    {
        var response = await reader.GetAsync("/api/search" + query, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/search{query}: {(int)response.StatusCode}\n{body[..Math.Min(2000, body.Length)]}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int[] Ids(this JsonElement answer) =>
        answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ToArray();

    public static bool Has(this JsonElement answer, int id) => answer.Ids().Contains(id);
}
