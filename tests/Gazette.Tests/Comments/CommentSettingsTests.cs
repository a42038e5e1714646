using System.Net;

using AngleSharp.Dom;
using AngleSharp.Html.Dom;

using Gazette.Accounts;
using Gazette.Comments;
using Gazette.Data;
using Gazette.Site;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gazette.Tests.Comments;

/// <summary>
/// The site-wide comment settings change what happens to every comment, so each test runs on a site of its own
/// (the shared sites' other tests must not see a blocklist or a closing rule they did not set).
/// </summary>
public abstract class CommentSettingsTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> disposables = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<OneOffSite> CreateSiteAsync(TimeProvider? clock);

    private async Task<OneOffSite> StartAsync(TimeProvider? clock = null)
    {
        var site = await CreateSiteAsync(clock);
        disposables.Add(site);
        return site;
    }

    protected void Track(IAsyncDisposable disposable) => disposables.Add(disposable);

    [Fact]
    public async Task The_settings_page_saves_every_comment_field_and_each_takes_effect()
    {
        var site = await StartAsync();
        var (admin, _) = await site.SignedInAsAsync(Roles.Administrator);
        var fields = FormFields(await admin.GetDocumentAsync("/admin/settings"));
        Assert.Equal(("0", "true", "true", "30"), (fields["Form.CommentsCloseAfterDays"], fields["Form.HoldFirstComment"],
            fields["Form.ApproveKnownCommenters"], fields["Form.CommentIpRetentionDays"]));
        fields["Form.CommentsCloseAfterDays"] = "10";
        fields["Form.HoldFirstComment"] = "false";
        fields["Form.ApproveKnownCommenters"] = "false";
        fields["Form.CommentIpRetentionDays"] = "7";
        fields["Form.CommentBlockedWords"] = "cheap pills\r\n  cheap pills \r\n\r\n198.51.100.0/24";
        fields["Form.CommentBlockedDomains"] = "spam.example";
        Assert.Contains("Settings saved", await (await admin.PostFormAsync("/admin/settings", fields)).BodyAsync());

        var shown = FormFields(await admin.GetDocumentAsync("/admin/settings"));
        Assert.Equal(("10", "false", "false", "7"), (shown["Form.CommentsCloseAfterDays"], shown["Form.HoldFirstComment"],
            shown["Form.ApproveKnownCommenters"], shown["Form.CommentIpRetentionDays"]));
        Assert.Equal("cheap pills\n198.51.100.0/24", shown["Form.CommentBlockedWords"].ReplaceLineEndings("\n"));
        Assert.Equal("spam.example", shown["Form.CommentBlockedDomains"]);

        // Hold first comment off: a newcomer is published at once. Approve known commenters off: their second waits.
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Settings story"));
        var path = await site.PathOfAsync(story);
        var reader = site.CreateReader();
        var email = CommentForms.UniqueEmail();
        var first = await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), email,
            "The new timetable suits our street much better than the old one."));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var newcomer = Assert.Single(await site.CommentsOnAsync(story.Id));
        Assert.True(newcomer.Status == CommentStatus.Approved, newcomer.SpamReasons);
        await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), email,
            "One more thought: the late bus on Sundays would help as well."));
        var second = (await site.CommentsOnAsync(story.Id)).Last();
        Assert.Equal(CommentStatus.Pending, second.Status);
        Assert.Contains(second.ReasonList, r => r.Contains("not approved automatically", StringComparison.Ordinal));

        // The blocklists saved on the page are the ones the filter uses.
        await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), CommentForms.UniqueEmail(), "Where can I find CHEAP PILLS around here?"));
        Assert.Contains((await site.CommentsOnAsync(story.Id)).Last().ReasonList, r => r.Contains("blocklisted word \"cheap pills\"", StringComparison.Ordinal));
        await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id), "someone@mail.spam.example"));
        Assert.Contains((await site.CommentsOnAsync(story.Id)).Last().ReasonList, r => r.Contains("blocklisted domain spam.example", StringComparison.Ordinal));

        // Retention: the privacy notice says 7 days, and the clean-up drops hashes older than that.
        Assert.Contains("7 days", (await reader.GetDocumentAsync(path)).QuerySelector("#comment-privacy")!.TextContent);
        await site.WithDbAsync(async db =>
        {
            await db.Comments.Where(c => c.Id == newcomer.Id)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.IpHash, new string('c', 64)).SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddDays(-8)), Ct);
        });
        var cleanup = site.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CommentCleanup>().Single();
        Assert.True(await cleanup.RunOnceAsync(Ct) >= 1);
        Assert.Null((await site.CommentsOnAsync(story.Id)).Single(c => c.Id == newcomer.Id).IpHash);

        // Close after 10 days: a story published 11 days ago takes no more comments.
        var old = await site.CreateAsync(TestArticles.UniqueHeadline("Old settings story"), a => a.PublishedAt = DateTime.UtcNow.AddDays(-11));
        var oldPage = await reader.GetDocumentAsync(await site.PathOfAsync(old));
        Assert.Null(oldPage.QuerySelector("form#comment-form"));
        Assert.Contains("Comments are closed", oldPage.QuerySelector("#comments")!.TextContent);
    }

    [Fact]
    public async Task Comments_close_the_set_number_of_days_after_publication()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var site = await StartAsync(clock);
        await site.ChangeSettingsAsync(settings => settings.CommentsCloseAfterDays = 3);
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Closing story"), a => a.PublishedAt = clock.GetUtcNow().UtcDateTime);
        var path = await site.PathOfAsync(story);
        var reader = site.CreateReader();
        Assert.NotNull((await reader.GetDocumentAsync(path)).QuerySelector("form#comment-form"));

        clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.NotNull((await reader.GetDocumentAsync(path)).QuerySelector("form#comment-form"));
        var lastMinute = await reader.PostCommentAsync(CommentForms.Fields(story.Id, await site.TokenAsync(story.Id, clock), CommentForms.UniqueEmail()));
        Assert.Equal(HttpStatusCode.Redirect, lastMinute.StatusCode);

        // The form rendered in the last minute is sent a minute too late: refused, nothing stored.
        var token = await site.TokenAsync(story.Id, clock);
        clock.Advance(TimeSpan.FromMinutes(2));
        var page = await reader.GetDocumentAsync(path);
        Assert.Null(page.QuerySelector("form#comment-form"));
        Assert.Contains("Comments are closed on this story.", page.QuerySelector("#comments")!.TextContent);
        var late = await reader.PostCommentAsync(CommentForms.Fields(story.Id, token, CommentForms.UniqueEmail()));
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("Comments are closed on this story.", await late.BodyAsync());
        Assert.Single(await site.CommentsOnAsync(story.Id));

        // 0 means never: the same story opens again.
        await site.ChangeSettingsAsync(settings => settings.CommentsCloseAfterDays = 0);
        Assert.NotNull((await reader.GetDocumentAsync(path)).QuerySelector("form#comment-form"));
    }

    [Fact]
    public async Task Word_link_email_and_ip_blocklists_each_hold_or_refuse_a_known_commenters_comment()
    {
        var site = await StartAsync();
        await site.ChangeSettingsAsync(settings =>
        {
            settings.CommentBlockedWords = "miracle cure\nbadname\nblocked@example.org\n203.0.113.7\n2001:db8::/32";
            settings.CommentBlockedDomains = "pills.example\nspam.example";
        });
        var story = await site.CreateAsync(TestArticles.UniqueHeadline("Blocklist story"));

        async Task<Comment> PostAsync(string text, string? name = null, string? email = null, string? website = null, string? address = null)
        {
            email ??= CommentForms.UniqueEmail();
            await site.AddApprovedAsync(story.Id, email);
            var input = new CommentInput
            {
                ArticleId = story.Id,
                Token = await site.TokenAsync(story.Id),
                Name = name ?? "Regular Reader",
                Email = email,
                Website = website,
                Text = text,
                Consent = true,
            };
            var outcome = await site.WithScopeAsync(services => services.GetRequiredService<CommentPosting>()
                .PostAsync(input, "en", address is null ? null : IPAddress.Parse(address), Ct));
            return outcome.Comment ?? throw new InvalidOperationException($"refused: {string.Join("; ", outcome.Errors.Values)}");
        }

        const string harmless = "I agree with the council about the new cycle lane on the bridge.";
        var control = await PostAsync(harmless, address: "203.0.113.8");
        Assert.True(control.Status == CommentStatus.Approved, control.SpamReasons);

        var cases = new (Comment Comment, string Reason)[]
        {
            (await PostAsync("They sell a Miracle Cure for everything."), "blocklisted word \"miracle cure\""),
            (await PostAsync(harmless, name: "Mr BadName"), "blocklisted word \"badname\""),
            (await PostAsync(harmless, email: "blocked@example.org"), "blocklisted word \"blocked@example.org\""),
            (await PostAsync("More on this at https://www.pills.example/offer today."), "blocklisted domain pills.example"),
            (await PostAsync(harmless, website: "https://shop.spam.example/"), "blocklisted domain spam.example"),
            (await PostAsync(harmless, email: $"reader-{Guid.NewGuid():N}@spam.example"), "blocklisted domain spam.example"),
            (await PostAsync(harmless, address: "203.0.113.7"), "blocklisted address 203.0.113.7"),
            (await PostAsync(harmless, address: "::ffff:203.0.113.7"), "blocklisted address 203.0.113.7"),
            (await PostAsync(harmless, address: "2001:db8::42"), "blocklisted address 2001:db8::/32"),
        };
        foreach (var (comment, reason) in cases)
        {
            Assert.True(comment.Status != CommentStatus.Approved, $"{comment.Text} / {comment.AuthorName}: {comment.SpamReasons}");
            Assert.Contains(comment.ReasonList, r => r.StartsWith(reason, StringComparison.Ordinal));
        }
        // Only the domain and address lists are strong enough alone to send a comment to spam; a word holds it.
        Assert.Equal(CommentStatus.Pending, cases[0].Comment.Status);
        Assert.Equal(CommentStatus.Spam, cases[6].Comment.Status);
    }

    private static Dictionary<string, string> FormFields(IHtmlDocument page)
    {
        var form = page.QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type == "checkbox")
                fields[input.Name!] = input.IsChecked ? "true" : "false";
            else if (input.Type != "hidden" || !fields.ContainsKey(input.Name!))
                fields[input.Name!] = input.Value;
        }
        foreach (var textarea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
            fields[textarea.Name!] = textarea.Value;
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
            fields[select.Name!] = select.Value ?? "";
        fields.Remove("__RequestVerificationToken");
        return fields;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        for (var i = disposables.Count - 1; i >= 0; i--)
            await disposables[i].DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class CommentSettingsTestsOnSqlite : CommentSettingsTests
{
    protected override Task<OneOffSite> CreateSiteAsync(TimeProvider? clock) => Task.FromResult(new OneOffSite("Sqlite", null, clock));
}

public sealed class CommentSettingsTestsOnPostgres : CommentSettingsTests
{
    protected override async Task<OneOffSite> CreateSiteAsync(TimeProvider? clock)
    {
        var database = await OneOffSite.CreatePostgresDatabaseAsync();
        Track(database);
        return new OneOffSite("Postgres", database.ConnectionString, clock);
    }
}

internal static class CommentSiteSettings
{
    public static Task ChangeSettingsAsync(this GazetteSite site, Action<SiteSettings> change) =>
        site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var settings = await db.SiteSettings.OrderBy(s => s.Id).FirstAsync(TestContext.Current.CancellationToken);
            change(settings);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            services.GetRequiredService<SiteContext>().Invalidate();
            return 0;
        });

    /// <summary>A token rendered half a minute before the fake clock's now.</summary>
    public static Task<string> TokenAsync(this GazetteSite site, int articleId, TimeProvider clock) =>
        site.WithScopeAsync(services => Task.FromResult(
            services.GetRequiredService<CommentFormTokens>().Issue(articleId, clock.GetUtcNow().UtcDateTime.AddSeconds(-30))));
}
