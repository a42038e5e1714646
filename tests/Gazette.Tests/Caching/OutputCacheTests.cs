using System.Net;
using System.Net.Http.Headers;

using Gazette.Accounts;
using Gazette.Articles;
using Gazette.Authors;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Sections;
using Gazette.Tags;
using Gazette.Tests.Comments;
using Gazette.Tests.Infrastructure;
using Gazette.Webhooks;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Caching;

public abstract class OutputCacheTests(GazetteSite site) : SiteTest(site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The output cache adds <c>Age</c> to what it serves from its store, and only to that.</summary>
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<HttpResponseMessage> GetAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Reader).GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>
    /// Whether a page comes from the cache on one of a few asks: other tests on the shared site add sections, and a new
    /// section (in every page's navigation) rightly evicts everything.
    /// </summary>
    private async Task<bool> CachedAsync(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (FromCache(await GetAsync(path)))
                return true;
        }
        return false;
    }

    private async Task<string> BodyAsync(string path) => await (await GetAsync(path)).Content.ReadAsStringAsync(Ct);

    /// <summary>Asks until <paramref name="done"/> holds, for at most 5 seconds (eviction follows the change feed).</summary>
    private async Task<string> EventuallyAsync(string path, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var body = await BodyAsync(path);
            if (done(body) || DateTime.UtcNow > deadline)
                return body;
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task A_story_page_is_served_from_the_cache_and_an_edit_evicts_it()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Cached story"));
        var path = await Site.PathOfAsync(story);
        Assert.False(FromCache(await GetAsync(path)));
        Assert.True(await CachedAsync(path));

        var edited = TestArticles.UniqueHeadline("Edited headline");
        await Site.EditAsync(story.Id, a => a.Headline = edited);
        Assert.Contains(edited, await EventuallyAsync(path, body => body.Contains(edited, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Publishing_and_unpublishing_update_the_tag_page_and_the_home_page()
    {
        var tag = TestArticles.UniqueHeadline("cachetag").Replace(" ", "", StringComparison.Ordinal);
        var first = await Site.CreateAsync(TestArticles.UniqueHeadline("First tagged"), tags: [tag]);
        var tagPath = "/tag/" + first.Tags.Single().Slug;
        Assert.Contains(first.Headline, await BodyAsync(tagPath));
        Assert.True(await CachedAsync(tagPath));
        await GetAsync("/");

        // Published just now, not five minutes ago like the other tests' stories, so that the stories they create
        // meanwhile on the shared site cannot push it off the home page's first ten.
        var second = await Site.CreateAsync(TestArticles.UniqueHeadline("Second tagged"), a => a.PublishedAt = DateTime.UtcNow.AddSeconds(-1), tags: [tag]);
        Assert.Contains(second.Headline, await EventuallyAsync(tagPath, body => body.Contains(second.Headline, StringComparison.Ordinal)));
        Assert.Contains(second.Headline, await EventuallyAsync("/", body => body.Contains(second.Headline, StringComparison.Ordinal)));

        await Site.EditAsync(second.Id, a => a.Status = ArticleStatus.Unpublished);
        Assert.DoesNotContain(second.Headline, await EventuallyAsync(tagPath, body => !body.Contains(second.Headline, StringComparison.Ordinal)));
        Assert.DoesNotContain(second.Headline, await EventuallyAsync("/", body => !body.Contains(second.Headline, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_approved_comment_shows_on_the_cached_story_page()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Commented story"));
        var path = await Site.PathOfAsync(story);
        var text = "A remark that waits for approval " + Guid.NewGuid().ToString("N")[..8];
        var posted = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, await Site.TokenAsync(story.Id), CommentForms.UniqueEmail(), text));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain(text, await BodyAsync(path));
        Assert.True(await CachedAsync(path));

        var held = Assert.Single(await Site.CommentsOnAsync(story.Id));
        await Site.WithScopeAsync(services => services.GetRequiredService<CommentModeration>().ApplyAsync([held.Id], ModerationAction.Approve, null, Ct));
        Assert.Contains(text, await EventuallyAsync(path, body => body.Contains(text, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Renaming_a_tag_an_author_or_a_section_updates_the_story_page()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Renamed around"), section: $"Desk {unique}", authors: [$"Writer {unique}"], tags: [$"topic{unique}"]);
        var path = await Site.PathOfAsync(story);
        Assert.True(await CachedAsync(path));

        async Task RenameAsync<T>(Func<GazetteDb, DbSet<T>> set, int id, Action<T> rename) where T : class =>
            await Site.WithDbAsync(async db =>
            {
                var entity = await set(db).FindAsync([id], Ct);
                rename(entity!);
                await db.SaveChangesAsync(Ct);
            });

        await RenameAsync(db => db.Tags, story.Tags.Single().Id, (Tag t) => t.Name = $"renamedtopic{unique}");
        Assert.Contains($"renamedtopic{unique}", await EventuallyAsync(path, body => body.Contains($"renamedtopic{unique}", StringComparison.OrdinalIgnoreCase)), StringComparison.OrdinalIgnoreCase);
        await RenameAsync(db => db.Authors, story.Authors.Single().AuthorId, (Author a) => a.Name = $"Renamed writer {unique}");
        Assert.Contains($"Renamed writer {unique}", await EventuallyAsync(path, body => body.Contains($"Renamed writer {unique}", StringComparison.Ordinal)));
        await RenameAsync(db => db.Sections, story.SectionId!.Value, (Section s) => s.Name = $"Renamed desk {unique}");
        Assert.Contains($"Renamed desk {unique}", await EventuallyAsync(path, body => body.Contains($"Renamed desk {unique}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Signed_in_readers_and_unknown_query_strings_bypass_the_cache()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Bypassed story"));
        var path = await Site.PathOfAsync(story);
        var (editor, _) = await Site.SignedInAsAsync(Roles.Editor);
        await GetAsync(path, editor);
        Assert.False(FromCache(await GetAsync(path, editor)));
        await GetAsync(path + "?utm_source=test");
        Assert.False(FromCache(await GetAsync(path + "?utm_source=test")));
        var posted = await Reader.PostAsync(path, new FormUrlEncodedContent([]), Ct);
        Assert.False(posted.Headers.Age is not null);
    }

    [Fact]
    public async Task Pages_answer_304_to_their_etag_and_to_if_modified_since()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Validated story"));
        var path = await Site.PathOfAsync(story);
        var first = await GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(lastModified);

        using var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.SendAsync(byTag, Ct)).StatusCode);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.SendAsync(byDate, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_and_feeds_are_compressed_as_negotiated(string encoding)
    {
        foreach (var path in new[] { "/", "/feed/rss" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var response = await Reader.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
        var plain = await GetAsync("/");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<html", await plain.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_layout_links_fingerprinted_styles_cached_for_a_year_as_immutable()
    {
        var home = await Reader.GetDocumentAsync("/");
        var href = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        var css = await GetAsync(href);
        var cacheControl = css.Headers.CacheControl!;
        Assert.Contains("immutable", cacheControl.Extensions.Select(e => e.Name));
        Assert.True(cacheControl.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Cached_pages_tell_a_cdn_how_long_to_keep_them_and_their_surrogate_keys()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Surrogate story"), tags: ["surrogates"]);
        var response = await GetAsync(await Site.PathOfAsync(story));
        var keys = response.Headers.GetValues("Surrogate-Key").Single().Split(' ');
        Assert.Contains($"story:{story.Id}", keys);
        Assert.Contains($"tag:{story.Tags.Single().Id}", keys);
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.NotNull(cacheControl.SharedMaxAge);
        // Browsers revalidate every time; only CDNs may serve a stale copy while they fetch a new one.
        Assert.Equal(TimeSpan.Zero, cacheControl.MaxAge);
        Assert.DoesNotContain("stale-while-revalidate", cacheControl.Extensions.Select(e => e.Name));
        Assert.Contains("stale-while-revalidate=", response.Headers.GetValues("CDN-Cache-Control").Single());
    }

    [Fact]
    public async Task A_change_queues_a_cache_purge_webhook_with_the_stale_keys()
    {
        var webhookId = await Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var webhook = new Webhook { Url = "http://cdn.invalid/purge", Secret = "cdn-secret", Events = WebhookEvents.CachePurge, CreatedAt = DateTime.UtcNow };
            db.Webhooks.Add(webhook);
            await db.SaveChangesAsync(Ct);
            return webhook.Id;
        });
        try
        {
            // A poll of the dispatcher first, so the webhook exists before the change it should hear of.
            await Task.Delay(1500, Ct);
            var before = DateTime.UtcNow;
            var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Purged story"));
            // Names the story and the lists it joins; or purges everything, when another test on this shared site
            // changed a section in the same batch (section names are on every page).
            bool Covers(WebhookDelivery purge) =>
                (purge.Payload.Contains($"\"story:{story.Id}\"", StringComparison.Ordinal) && purge.Payload.Contains("\"lists\"", StringComparison.Ordinal))
                || (purge.CreatedAt >= before && purge.Payload.Contains("\"all\"", StringComparison.Ordinal));
            var deadline = DateTime.UtcNow.AddSeconds(15);
            List<WebhookDelivery> purges;
            do
            {
                await Task.Delay(200, Ct);
                purges = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().WebhookDeliveries.AsNoTracking()
                    .Where(d => d.WebhookId == webhookId && d.Event == WebhookEvents.CachePurge).ToListAsync(Ct));
            }
            while (!purges.Any(Covers) && DateTime.UtcNow < deadline);
            Assert.Contains(purges, Covers);
        }
        finally
        {
            await Site.WithDbAsync(db => db.Webhooks.Where(w => w.Id == webhookId).ExecuteDeleteAsync(Ct));
        }
    }

    [Fact]
    public async Task The_comment_form_script_gets_a_fresh_token_for_a_cached_page()
    {
        var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Token story"));
        var page = await Reader.GetDocumentAsync(await Site.PathOfAsync(story));
        Assert.NotNull(page.QuerySelector("script[src*='comment-form']"));
        var cached = page.QuerySelector("input[name='Form.Token']")!.GetAttribute("value");
        var response = await GetAsync($"/comments/token?article={story.Id}");
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var fresh = await response.Content.ReadAsStringAsync(Ct);
        Assert.NotEqual(cached, fresh);
        var posted = await Reader.PostCommentAsync(CommentForms.Fields(story.Id, fresh, CommentForms.UniqueEmail(), $"A remark sent with a fetched token {Guid.NewGuid():N}."));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }
}

public sealed class OutputCacheTestsOnSqlite(SqliteSite site) : OutputCacheTests(site);

public sealed class OutputCacheTestsOnPostgres(PostgresSite site) : OutputCacheTests(site);
