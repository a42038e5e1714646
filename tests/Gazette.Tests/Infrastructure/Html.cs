using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Gazette.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    /// <summary>GETs a page, asserts the status, and parses it as a browser would.</summary>
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string path, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode}.\n{body[..Math.Min(body.Length, 2000)]}");
        return await Parser.ParseDocumentAsync(body, TestContext.Current.CancellationToken);
    }
}
