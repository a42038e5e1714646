using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Tests.Admin;
using Gazette.Tests.Infrastructure;
using Gazette.Tests.Media;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Api;

public abstract partial class AdminApiTests(GazetteSite site) : SiteTest(site)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static object Story(string headline, Guid? version = null) =>
        new { headline, standfirst = "Written through the API.", body = "A paragraph from the API.", language = "en", tags = new[] { "api" }, version };

    [Fact]
    public async Task A_token_made_on_the_token_page_is_shown_once_and_opens_the_admin_api()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Author);
        var response = await browser.PostFormAsync("/admin/tokens?handler=Create", new() { ["Name"] = "newsroom script" }, "/admin/tokens");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = TokenText().Match(page);
        Assert.True(token.Success, page);
        Assert.DoesNotContain(token.Value, await browser.GetStringAsync("/admin/tokens", TestContext.Current.CancellationToken));

        var api = Site.BearerClient(token.Value);
        var created = await JsonAsync(await api.PostAsJsonAsync("/api/v1/admin/stories", Story(TestArticles.UniqueHeadline("Token page story")), TestContext.Current.CancellationToken), HttpStatusCode.Created);
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        var stored = await Site.WithScopeAsync(async s => await s.GetRequiredService<Gazette.Data.GazetteDb>().ApiTokens.SingleAsync(t => t.Prefix == token.Value.Substring(0, 9), TestContext.Current.CancellationToken));
        Assert.NotNull(stored.LastUsedAt);
        Assert.NotEqual(token.Value, stored.Hash);
    }

    [Fact]
    public async Task Contributors_write_drafts_but_only_publishers_publish_with_the_editor_rules()
    {
        var (contributor, _, _) = await Site.ApiClientAsync(Roles.Contributor);
        var headline = TestArticles.UniqueHeadline("Api contributed");
        var draft = await JsonAsync(await contributor.PostAsJsonAsync("/api/v1/admin/stories", Story(headline), TestContext.Current.CancellationToken), HttpStatusCode.Created);
        var id = draft.GetProperty("story").GetProperty("id").GetInt32();
        var version = draft.GetProperty("version").GetGuid();
        await JsonAsync(await contributor.PostAsJsonAsync($"/api/v1/admin/stories/{id}/publish", new { version }, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        var submitted = await JsonAsync(await contributor.PostAsJsonAsync($"/api/v1/admin/stories/{id}/submit", new { version }, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal("InReview", submitted.GetProperty("status").GetString());

        var (editor, _, _) = await Site.ApiClientAsync(Roles.Editor);
        var published = await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/admin/stories/{id}/publish",
            new { version = submitted.GetProperty("version").GetGuid() }, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync(new Uri(published.GetProperty("story").GetProperty("url").GetString()!).AbsolutePath, TestContext.Current.CancellationToken)).StatusCode);
        await JsonAsync(await contributor.PutAsJsonAsync($"/api/v1/admin/stories/{id}", Story(headline, published.GetProperty("version").GetGuid()), TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);

        var scheduled = await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/admin/stories/{id}/schedule",
            new { version = published.GetProperty("version").GetGuid(), publishAt = DateTimeOffset.UtcNow.AddDays(1) }, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal("Scheduled", scheduled.GetProperty("status").GetString());
        await JsonAsync(await editor.DeleteAsync($"/api/v1/admin/stories/{id}?version={scheduled.GetProperty("version").GetGuid()}", TestContext.Current.CancellationToken), HttpStatusCode.NoContent);
        await JsonAsync(await editor.GetAsync($"/api/v1/admin/stories/{id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_invalid_input_with_field_errors()
    {
        var (author, _, _) = await Site.ApiClientAsync(Roles.Author);
        var created = await JsonAsync(await author.PostAsJsonAsync("/api/v1/admin/stories", Story(TestArticles.UniqueHeadline("Api versioned")), TestContext.Current.CancellationToken), HttpStatusCode.Created);
        var id = created.GetProperty("story").GetProperty("id").GetInt32();
        var first = created.GetProperty("version").GetGuid();
        await JsonAsync(await author.PutAsJsonAsync($"/api/v1/admin/stories/{id}", Story(TestArticles.UniqueHeadline("Api versioned, first edit"), first), TestContext.Current.CancellationToken), HttpStatusCode.OK);
        var conflict = await JsonAsync(await author.PutAsJsonAsync($"/api/v1/admin/stories/{id}", Story(TestArticles.UniqueHeadline("Api versioned, lost edit"), first), TestContext.Current.CancellationToken), HttpStatusCode.Conflict);
        Assert.Contains("changed", conflict.GetProperty("title").GetString());
        Assert.True(conflict.TryGetProperty("currentVersion", out _));

        var invalid = await JsonAsync(await author.PostAsJsonAsync("/api/v1/admin/stories", new { headline = "", language = "not a language!" }, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("headline", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("language", out _));
        var noFigureAlt = await JsonAsync(await author.PostAsJsonAsync("/api/v1/admin/stories",
            new { headline = "With a figure", figure = new { url = "/media/demo/river.jpg" } }, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);
        Assert.True(noFigureAlt.GetProperty("errors").TryGetProperty("figure.alt", out _));
    }

    [Fact]
    public async Task A_tag_with_a_comma_is_kept_whole_on_create_and_update()
    {
        var (author, _, _) = await Site.ApiClientAsync(Roles.Author);
        var tag = $"Smith {Guid.NewGuid().ToString("N")[..6]}, John";
        var headline = TestArticles.UniqueHeadline("Api comma tag");
        var created = await JsonAsync(await author.PostAsJsonAsync("/api/v1/admin/stories",
            new { headline, body = "About a person.", language = "en", tags = new[] { tag, "api" } }, TestContext.Current.CancellationToken), HttpStatusCode.Created);
        var id = created.GetProperty("story").GetProperty("id").GetInt32();
        var both = new[] { tag, "api" }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(both, created.GetProperty("story").GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(both, (await Site.LoadArticleAsync(id)).Tags.Select(t => t.Name).Order(StringComparer.Ordinal));

        await JsonAsync(await author.PutAsJsonAsync($"/api/v1/admin/stories/{id}",
            new { headline, body = "About a person.", language = "en", tags = new[] { tag }, version = created.GetProperty("version").GetGuid() }, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.Equal([tag], (await Site.LoadArticleAsync(id)).Tags.Select(t => t.Name));
    }

    [Fact]
    public async Task Comments_closed_through_the_api_stay_closed_when_a_later_save_leaves_the_switch_out()
    {
        var (author, _, _) = await Site.ApiClientAsync(Roles.Author);
        var headline = TestArticles.UniqueHeadline("Api comments switch");
        var created = await JsonAsync(await author.PostAsJsonAsync("/api/v1/admin/stories",
            new { headline, body = "Closed to comments.", language = "en", commentsOpen = false }, TestContext.Current.CancellationToken), HttpStatusCode.Created);
        Assert.False(created.GetProperty("commentsOpen").GetBoolean());
        var id = created.GetProperty("story").GetProperty("id").GetInt32();

        var updated = await JsonAsync(await author.PutAsJsonAsync($"/api/v1/admin/stories/{id}",
            new { headline, body = "Still closed.", language = "en", version = created.GetProperty("version").GetGuid() }, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.False(updated.GetProperty("commentsOpen").GetBoolean());
        Assert.False((await Site.LoadArticleAsync(id)).CommentsOpen);

        await JsonAsync(await author.PutAsJsonAsync($"/api/v1/admin/stories/{id}",
            new { headline, body = "Open again.", language = "en", commentsOpen = true, version = updated.GetProperty("version").GetGuid() }, TestContext.Current.CancellationToken), HttpStatusCode.OK);
        Assert.True((await Site.LoadArticleAsync(id)).CommentsOpen);
        // A new story without the switch is open, as the editor's form starts.
        var plain = await JsonAsync(await author.PostAsJsonAsync("/api/v1/admin/stories",
            new { headline = TestArticles.UniqueHeadline("Api comments default"), body = "Open.", language = "en" }, TestContext.Current.CancellationToken), HttpStatusCode.Created);
        Assert.True(plain.GetProperty("commentsOpen").GetBoolean());
    }

    [Fact]
    public async Task Cookies_revoked_tokens_locked_accounts_and_lost_roles_are_refused_at_once()
    {
        var (browser, _) = await Site.SignedInAsAsync(Roles.Editor);
        var byCookie = await browser.PostAsJsonAsync("/api/v1/admin/stories", Story("By cookie"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Reader.GetAsync("/api/v1/admin/stories/1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Site.BearerClient("gz_not-a-real-token").GetAsync("/api/v1/admin/stories/1", TestContext.Current.CancellationToken)).StatusCode);

        var (editor, user, _) = await Site.ApiClientAsync(Roles.Editor);
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Api rights"), configure: a => { a.Status = ArticleStatus.Draft; a.PublishedAt = null; });
        var read = await JsonAsync(await editor.GetAsync($"/api/v1/admin/stories/{story.Id}", TestContext.Current.CancellationToken), HttpStatusCode.OK);
        await Site.SetRolesAsync(user, Roles.Contributor);
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/admin/stories/{story.Id}/publish", new { version = read.GetProperty("version").GetGuid() }, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Site.SetRolesAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/api/v1/admin/stories/{story.Id}", TestContext.Current.CancellationToken)).StatusCode);
        await Site.SetRolesAsync(user, Roles.Editor);
        await Site.LockAsync(user);
        Assert.Equal(HttpStatusCode.Unauthorized, (await editor.GetAsync($"/api/v1/admin/stories/{story.Id}", TestContext.Current.CancellationToken)).StatusCode);

        var (revoked, _, secret) = await Site.ApiClientAsync(Roles.Editor);
        await Site.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == Gazette.Api.ApiToken.HashOf(secret))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, DateTime.UtcNow), TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync($"/api/v1/admin/stories/{story.Id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Administrators_see_and_revoke_everyones_tokens_others_only_their_own()
    {
        var (_, owner, _) = await Site.ApiClientAsync(Roles.Author);
        var tokenId = await Site.WithScopeAsync(async s => await s.GetRequiredService<Gazette.Data.GazetteDb>().ApiTokens.Where(t => t.UserId == owner.Id).Select(t => t.Id).SingleAsync(TestContext.Current.CancellationToken));
        var (other, _) = await Site.SignedInAsAsync(Roles.Editor);
        Assert.DoesNotContain(owner.DisplayName, await other.GetStringAsync("/admin/tokens", TestContext.Current.CancellationToken));
        var refused = await other.PostFormAsync($"/admin/tokens?handler=Revoke&id={tokenId}", [], "/admin/tokens");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/admin/denied", refused.Headers.Location!.OriginalString);

        var (admin, _) = await Site.SignedInAsAsync(Roles.Administrator);
        var list = await admin.GetStringAsync("/admin/tokens", TestContext.Current.CancellationToken);
        Assert.Contains(owner.DisplayName, list);
        var revoked = await admin.PostFormAsync($"/admin/tokens?handler=Revoke&id={tokenId}", [], "/admin/tokens");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var token = await Site.WithScopeAsync(async s => await s.GetRequiredService<Gazette.Data.GazetteDb>().ApiTokens.SingleAsync(t => t.Id == tokenId, TestContext.Current.CancellationToken));
        Assert.NotNull(token.RevokedAt);
        Assert.Equal(HttpStatusCode.Redirect, (await Reader.GetAsync("/admin/tokens", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Media_uploads_through_the_library_rules()
    {
        var (author, _, _) = await Site.ApiClientAsync(Roles.Author);
        using var good = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Png(64, 48)), "file", "api.png" },
            { new StringContent("A small test picture"), "alt" },
        };
        var uploaded = await author.PostAsync("/api/v1/admin/media", good, TestContext.Current.CancellationToken);
        Assert.True(uploaded.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK);
        using var svg = new MultipartFormDataContent
        {
            { new ByteArrayContent("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray()), "file", "x.svg" },
            { new StringContent("Not an image we take"), "alt" },
        };
        var refused = await JsonAsync(await author.PostAsync("/api/v1/admin/media", svg, TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("file", out _));
    }

    [GeneratedRegex("gz_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenText();
}

public sealed class AdminApiTestsOnSqlite(SqliteSite site) : AdminApiTests(site);

public sealed class AdminApiTestsOnPostgres(PostgresSite site) : AdminApiTests(site);
