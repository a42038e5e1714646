using System.Text.Json;

using AngleSharp.Html.Dom;

using Gazette.Tests.Infrastructure;

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
