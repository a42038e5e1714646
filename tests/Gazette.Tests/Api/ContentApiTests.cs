using System.Net;
using System.Text.Json;

using Gazette.Articles;
using Gazette.Tests.Infrastructure;

namespace Gazette.Tests.Api;

public abstract class ContentApiTests(GazetteSite site) : SiteTest(site)
{
    private async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Reader.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Stories_filter_and_page_with_a_stable_cursor_and_never_show_drafts()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var tag = $"api-{unique}";
        var headlines = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var headline = TestArticles.UniqueHeadline($"Api story {i}");
            headlines.Add(headline);
            await Site.CreateAsync(headline, tags: [tag]);
        }
        await Site.CreateAsync(TestArticles.UniqueHeadline("Api draft"), tags: [tag], configure: a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"/api/v1/stories?tag={tag}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("headline").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);
        Assert.Equal(3, pages);
        Assert.Equal(headlines.Order(), seen.Order());
    }

    [Fact]
    public async Task Story_fields_can_be_selected_and_carry_no_email()
    {
        var headline = TestArticles.UniqueHeadline("Api fields story");
        var story = await Site.CreateAsync(headline, section: "Api desk", authors: ["Ada Apiwriter"]);
        var full = await GetJsonAsync($"/api/v1/stories/{story.Id}");
        Assert.Equal(headline, full.GetProperty("headline").GetString());
        Assert.Equal("Api desk", full.GetProperty("section").GetProperty("name").GetString());
        Assert.Equal("Ada Apiwriter", full.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("@", full.GetProperty("authors").GetRawText());

        var some = await GetJsonAsync($"/api/v1/stories/{story.Id}?fields=id,headline");
        Assert.Equal(["id", "headline"], some.EnumerateObject().Select(p => p.Name));

        var bad = await GetJsonAsync($"/api/v1/stories/{story.Id}?fields=id,password", HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("fields", out _));
    }

    [Fact]
    public async Task Drafts_are_not_found_and_bad_input_is_a_problem_not_a_500()
    {
        var draft = await Site.CreateAsync(TestArticles.UniqueHeadline("Api hidden draft"), configure: a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });
        await GetJsonAsync($"/api/v1/stories/{draft.Id}", HttpStatusCode.NotFound);
        foreach (var query in new[] { "limit=1000", "limit=abc", "cursor=!!!", "updated_since=yesterday", "fields=" })
        {
            var response = await Reader.GetAsync($"/api/v1/stories?{query}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Updated_since_language_section_and_author_filter()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var headline = TestArticles.UniqueHeadline("Api filtered");
        await Site.CreateAsync(headline, section: $"Filter {unique}", authors: [$"Filter Author {unique}"], configure: a => a.Language = "de");
        foreach (var filter in new[] { $"section=filter-{unique}", $"author=filter-author-{unique}", "language=de&updated_since=" + Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(-5).ToString("O")) })
        {
            var page = await GetJsonAsync($"/api/v1/stories?{filter}&limit=100");
            Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("headline").GetString() == headline);
            Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Equal("de", i.GetProperty("language").GetString()));
        }
        var future = await GetJsonAsync("/api/v1/stories?updated_since=" + Uri.EscapeDataString(DateTime.UtcNow.AddDays(1).ToString("O")));
        Assert.Empty(future.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Answers_carry_etags_cors_and_304s()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sections");
        request.Headers.Add("Origin", "https://partner.example");
        var first = await Reader.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sections");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.SendAsync(again, TestContext.Current.CancellationToken)).StatusCode);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/stories");
        preflight.Headers.Add("Origin", "https://partner.example");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var answer = await Reader.SendAsync(preflight, TestContext.Current.CancellationToken);
        Assert.False(answer.Headers.TryGetValues("Access-Control-Allow-Methods", out var methods) && methods.Any(m => m.Contains("DELETE", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tags_and_authors_page_and_the_openapi_document_and_reference_page_describe_the_api()
    {
        var tags = await GetJsonAsync("/api/v1/tags?limit=1");
        Assert.Single(tags.GetProperty("items").EnumerateArray());
        var authors = await GetJsonAsync("/api/v1/authors");
        Assert.DoesNotContain("@", authors.GetRawText());

        var openApi = await GetJsonAsync("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/stories", paths);
        Assert.Contains("/api/v1/stories/{id}", paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1", StringComparison.Ordinal));

        var page = await Reader.GetDocumentAsync("/api");
        Assert.Contains(page.QuerySelectorAll("h3 code"), c => c.TextContent == "GET /api/v1/stories");
        // Nothing from another host: no CDN script, style or font.
        Assert.All(page.QuerySelectorAll("script[src], link[href], img[src]"), e =>
        {
            var url = new Uri(new Uri("http://localhost/"), e.GetAttribute("src") ?? e.GetAttribute("href"));
            Assert.Equal("localhost", url.Host);
        });
    }
}

public sealed class ContentApiTestsOnSqlite(SqliteSite site) : ContentApiTests(site);

public sealed class ContentApiTestsOnPostgres(PostgresSite site) : ContentApiTests(site);
