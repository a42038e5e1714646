using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

using Gazette.Accounts;
using Gazette.Caching;
using Gazette.Comments;
using Gazette.Site;
using Gazette.Tests.Comments;
using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Nodes;

/// <summary>Two nodes behind one imaginary load balancer: what one does, the other shows; either survives Redis or PostgreSQL going away.</summary>
public sealed partial class TwoNodeTests : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Warming = TimeSpan.FromSeconds(10);
    private readonly TwoNodes nodes;

    public TwoNodeTests(TwoNodes nodes)
    {
        nodes.SkipIfUnavailable();
        this.nodes = nodes;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_story_published_on_one_node_shows_on_the_other_cached_pages_included()
    {
        var onB = nodes.B.CreateReader();
        await EventuallyAsync(Warming, async () => (await onB.GetAsync("/", Ct)).Headers.Age is not null, "node B's home page comes from the output cache");

        var headline = TestArticles.UniqueHeadline("Published on node A");
        var story = await nodes.A.CreateAsync(headline);
        var path = await nodes.A.PathOfAsync(story);

        await EventuallyAsync(Propagation, async () => (await onB.GetStringAsync("/", Ct)).Contains(headline, StringComparison.Ordinal),
            "node B's cached home page shows the story published on node A");
        await EventuallyAsync(Propagation, async () => (await onB.GetAsync(path, Ct)).StatusCode == HttpStatusCode.OK,
            "node B serves the story's page");

        // A settings change saved on A reaches B's in-memory settings through the change feed.
        var title = $"Gazette {Guid.NewGuid():N}";
        await nodes.A.WithDbAsync(async db =>
        {
            (await db.SiteSettings.OrderBy(s => s.Id).FirstAsync(Ct)).Title = title;
            await db.SaveChangesAsync(Ct);
        });
        var siteOnB = nodes.B.Services.GetRequiredService<SiteContext>();
        await EventuallyAsync(Propagation, async () => (await siteOnB.GetAsync(Ct)).Settings.Title == title, "node B reloads the settings changed on node A");
    }

    [Fact]
    public async Task Sign_in_forms_cookies_and_comment_tokens_of_one_node_work_on_the_other()
    {
        var cookies = new CookieContainer();
        using var browserOnA = nodes.A.CreateDefaultClient(new CookieContainerHandler(cookies));
        using var browserOnB = nodes.B.CreateDefaultClient(new CookieContainerHandler(cookies));
        var admin = await nodes.A.CreateUserAsync(Roles.Administrator);

        // The form (and its antiforgery cookie) from A, posted to B; the sign-in cookie from B, used on both.
        var signIn = await PostFormAsync(browserOnA, browserOnB, "/admin/sign-in",
            new() { ["Form.Email"] = admin.Email!, ["Form.Password"] = Newsroom.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browserOnA.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browserOnB.GetAsync("/admin", Ct)).StatusCode);

        // A reader comments on B with a form token A issued; a moderator approves it on A; both nodes show it.
        var story = await nodes.A.CreateAsync(TestArticles.UniqueHeadline("Commented across nodes"));
        var path = await nodes.A.PathOfAsync(story);
        var reader = nodes.B.CreateReader();
        await EventuallyAsync(Propagation, async () => (await reader.GetAsync(path, Ct)).StatusCode == HttpStatusCode.OK, "node B serves the new story");
        var text = $"A remark posted on node B, approved on node A {Guid.NewGuid():N}.";
        var posted = await reader.PostCommentAsync(CommentForms.Fields(story.Id, await nodes.A.TokenAsync(story.Id), CommentForms.UniqueEmail(), text));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var held = Assert.Single(await nodes.A.CommentsOnAsync(story.Id));
        Assert.Equal(CommentStatus.Pending, held.Status);

        var approve = await PostFormAsync(browserOnB, browserOnA, "/admin/comments?handler=Bulk",
            new() { ["ids"] = held.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["moderate"] = "Approve", ["status"] = "Pending" },
            "/admin/comments?status=Pending");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var client = node.CreateReader();
            await EventuallyAsync(Propagation, async () => (await client.GetStringAsync(path, Ct)).Contains(text, StringComparison.Ordinal),
                "the approved comment shows on both nodes");
        }
    }

    [Fact]
    public async Task Without_Redis_both_nodes_keep_serving_and_recover_when_it_returns()
    {
        var first = await nodes.A.CreateAsync(TestArticles.UniqueHeadline("Before Redis left"));
        var readers = new[] { nodes.A.CreateReader(), nodes.B.CreateReader() };
        foreach (var reader in readers)
            await EventuallyAsync(Propagation, async () => (await reader.GetStringAsync("/", Ct)).Contains(first.Headline, StringComparison.Ordinal), "both nodes show the first story");

        nodes.Redis.Cut();
        try
        {
            await EventuallyAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(!StoreOf(nodes.A).IsConnected && !StoreOf(nodes.B).IsConnected),
                "both nodes notice that Redis is gone");
            var during = await nodes.A.CreateAsync(TestArticles.UniqueHeadline("While Redis was away"));
            foreach (var reader in readers)
            {
                var clock = Stopwatch.StartNew();
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/", Ct)).StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"a page took {clock.Elapsed} without Redis");
                // Each node follows the change feed itself, so its own memory tier is evicted without Redis.
                await EventuallyAsync(TimeSpan.FromSeconds(3), async () => (await reader.GetStringAsync("/", Ct)).Contains(during.Headline, StringComparison.Ordinal),
                    "both nodes show a story published while Redis was away");
            }
        }
        finally
        {
            nodes.Redis.Restore();
        }

        await EventuallyAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(StoreOf(nodes.A).IsConnected && StoreOf(nodes.B).IsConnected),
            "both nodes reconnect to Redis by themselves");
        var after = await nodes.A.CreateAsync(TestArticles.UniqueHeadline("After Redis came back"));
        foreach (var reader in readers)
        {
            await EventuallyAsync(Propagation, async () => (await reader.GetStringAsync("/", Ct)).Contains(after.Headline, StringComparison.Ordinal),
                "both nodes show a story published after Redis returned");
        }
    }

    [Fact]
    public async Task Without_PostgreSQL_cached_pages_are_served_writes_get_503_and_both_recover()
    {
        var story = await nodes.A.CreateAsync(TestArticles.UniqueHeadline("Cached before the database left"));
        var path = await nodes.A.PathOfAsync(story);
        var readers = new[] { nodes.A.CreateReader(), nodes.B.CreateReader() };
        // Both nodes' change-feed followers pass the story's creation (each drops its cached pages once) before warming.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        foreach (var reader in readers)
        {
            // Set-up, not the propagation under test: a loaded CI machine gets more time.
            await EventuallyAsync(Warming, async () => (await reader.GetStringAsync("/", Ct)).Contains(story.Headline, StringComparison.Ordinal), "the home page shows the story");
            await EventuallyAsync(Warming, async () => (await reader.GetAsync(path, Ct)).Headers.Age is not null, "the story's page is cached on both nodes");
            await EventuallyAsync(Warming, async () => (await reader.GetAsync("/", Ct)).Headers.Age is not null, "the home page is cached on both nodes");
        }
        var text = $"A remark sent while the database was away {Guid.NewGuid():N}.";
        var fields = CommentForms.Fields(story.Id, await nodes.A.TokenAsync(story.Id), CommentForms.UniqueEmail(), text);

        nodes.Postgres.Cut();
        try
        {
            foreach (var reader in readers)
            {
                var cached = await reader.GetAsync(path, Ct);
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
                Assert.Contains(story.Headline, await cached.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
                Assert.Contains(story.Headline, await reader.GetStringAsync("/", Ct), StringComparison.Ordinal);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/healthz", Ct)).StatusCode);
            }

            var refused = await readers[1].PostCommentAsync(fields);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            var page = await refused.BodyAsync();
            // The page is in the site's language (the default settings say French).
            Assert.True(page.Contains("Momentanément indisponible", StringComparison.Ordinal) || page.Contains("Briefly unavailable", StringComparison.Ordinal),
                "the 503 page says the site is briefly unavailable");

            var api = await readers[0].GetAsync($"/api/v1/stories?limit=2&fields=id&nocache={Guid.NewGuid():N}", Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(api.Headers.RetryAfter);
        }
        finally
        {
            nodes.Postgres.Restore();
        }

        foreach (var reader in readers)
        {
            await EventuallyAsync(TimeSpan.FromSeconds(15), async () => (await reader.GetAsync("/healthz", Ct)).StatusCode == HttpStatusCode.OK,
                "both nodes answer healthy again by themselves");
        }
        // The refused comment left nothing behind; sent again, it is taken once.
        Assert.Empty(await nodes.A.CommentsOnAsync(story.Id));
        await EventuallyAsync(TimeSpan.FromSeconds(10), async () => (await readers[1].PostCommentAsync(fields)).StatusCode == HttpStatusCode.Redirect,
            "the comment is taken once the database is back");
        Assert.Equal(text, Assert.Single(await nodes.B.CommentsOnAsync(story.Id)).Text);
    }

    private static RedisOutputCacheStore StoreOf(NodeSite node) => node.Services.GetRequiredService<RedisOutputCacheStore>();

    /// <summary>GETs the form from one node and posts it, with its antiforgery token, to the other.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient formFrom, HttpClient postTo, string path, Dictionary<string, string> fields, string? formPath = null)
    {
        var form = await formFrom.GetStringAsync(formPath ?? path, Ct);
        var token = AntiforgeryToken().Match(form);
        Assert.True(token.Success, $"no antiforgery token in the form at {formPath ?? path}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await postTo.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    private static async Task EventuallyAsync(TimeSpan within, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
                return;
            Assert.True(clock.Elapsed < within, $"not within {within.TotalSeconds} s: {what}");
            await Task.Delay(100, Ct);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
