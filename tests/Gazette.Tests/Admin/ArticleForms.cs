using System.Globalization;
using System.Net;

using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Gazette.Articles;
using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Admin;

/// <summary>Drives the story editor as a browser would: read the form as the page serves it, change fields, post it back.</summary>
public static class ArticleForms
{
    /// <summary>Creates a story through /admin/stories/new and returns its id.</summary>
    public static async Task<int> CreateArticleAsync(this HttpClient browser, string headline, string action = "save", string body = "The first paragraph.")
    {
        var response = await browser.PostFormAsync("/admin/stories/new", new()
        {
            ["Form.Headline"] = headline,
            ["Form.Language"] = "en",
            ["Form.Body"] = body,
            ["action"] = action,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"creating a story answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/admin/stories/", location);
        return int.Parse(location["/admin/stories/".Length..location.IndexOf('?')], CultureInfo.InvariantCulture);
    }

    /// <summary>Every field of the edit form of story <paramref name="id"/>, with the values the page filled in.</summary>
    public static async Task<Dictionary<string, string>> ReadArticleFormAsync(this HttpClient browser, int id)
    {
        var document = await browser.GetDocumentAsync($"/admin/stories/{id}");
        var form = document.QuerySelector("#story-form")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
            fields[input.Name!] = input.Value;
        foreach (var textarea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
            fields[textarea.Name!] = textarea.Value;
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
            fields[select.Name!] = select.Value ?? "";
        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    /// <summary>Posts the edit form of story <paramref name="id"/> with <paramref name="fields"/> and the button <paramref name="action"/>.</summary>
    public static Task<HttpResponseMessage> PostArticleAsync(this HttpClient browser, int id, Dictionary<string, string> fields, string action)
    {
        fields["action"] = action;
        return browser.PostFormAsync($"/admin/stories/{id}", fields);
    }

    public static Task<Article> LoadArticleAsync(this GazetteSite site, int id) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles.IgnoreQueryFilters().AsNoTracking()
            .Include(a => a.Tags).Include(a => a.Authors).AsSplitQuery()
            .FirstAsync(a => a.Id == id, TestContext.Current.CancellationToken));

    public static Task<List<ArticleRevision>> RevisionsOfAsync(this GazetteSite site, int id) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync(TestContext.Current.CancellationToken));

    public static Task<int> CountArticlesWithBodyAsync(this GazetteSite site, string text) =>
        site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().Articles.IgnoreQueryFilters()
            .CountAsync(a => a.BodyMarkdown.Contains(text), TestContext.Current.CancellationToken));

    public static async Task<string> BodyAsync(this HttpResponseMessage response) =>
        await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

    /// <summary>Asserts a refusal for lack of rights: the cookie handler's redirect to the denied page.</summary>
    public static void AssertDenied(HttpResponseMessage response) => AssertRedirectTo(response, "/admin/denied");

    /// <summary>Asserts the anonymous visitor is sent to sign in.</summary>
    public static void AssertSignInAsked(HttpResponseMessage response) => AssertRedirectTo(response, "/admin/sign-in");

    private static void AssertRedirectTo(HttpResponseMessage response, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect to {path}, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        Assert.Equal(path, location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
    }
}
