using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Gazette.Data;
using Gazette.Site;
using Gazette.Tests.Infrastructure;
using Gazette.Webhooks;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Webhooks;

public abstract class WebhookTests(GazetteSite site) : SiteTest(site)
{
    private const string Secret = "test-secret-for-signatures";

    private async Task AllowPrivateAddressesAsync(bool allow)
    {
        await Site.WithDbAsync(db => db.SiteSettings.ExecuteUpdateAsync(set => set.SetProperty(s => s.WebhooksAllowPrivateAddresses, allow), TestContext.Current.CancellationToken));
        await Site.WithScopeAsync(services => { services.GetRequiredService<SiteContext>().Invalidate(); return Task.FromResult(0); });
    }

    private Task<int> AddWebhookAsync(string url) =>
        Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            var webhook = new Webhook { Url = url, Secret = Secret, CreatedAt = DateTime.UtcNow };
            db.Webhooks.Add(webhook);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return webhook.Id;
        });

    private Task RemoveWebhookAsync(int id) =>
        Site.WithDbAsync(db => db.Webhooks.Where(w => w.Id == id).ExecuteDeleteAsync(TestContext.Current.CancellationToken));

    /// <summary>
    /// Polls the deliveries for up to two minutes: on the shared PostgreSQL site other tests roll transactions back, and
    /// the dispatcher waits up to 10 s before passing each hole they leave in the change feed, so on a loaded machine a
    /// delivery (with its retry) can take well over the usual few seconds (one loaded run passed a minute).
    /// </summary>
    private async Task<List<WebhookDelivery>> WaitForDeliveriesAsync(int webhookId, int articleId, Func<List<WebhookDelivery>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var deliveries = await Site.WithScopeAsync(services => services.GetRequiredService<GazetteDb>().WebhookDeliveries.AsNoTracking()
                .Where(d => d.WebhookId == webhookId && d.ArticleId == articleId).OrderBy(d => d.Id).ToListAsync(TestContext.Current.CancellationToken));
            if (done(deliveries) || DateTime.UtcNow > deadline)
                return deliveries;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Publish_update_and_delete_are_posted_signed_and_retried_after_a_failure()
    {
        await AllowPrivateAddressesAsync(true);
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await AddWebhookAsync(receiver.Url);
        try
        {
            // Give the dispatcher a poll to start from the present before the story exists.
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Webhook story"));
            var delivered = await WaitForDeliveriesAsync(webhookId, story.Id, d => d.Any(x => x.Status == DeliveryStatus.Delivered));
            var published = Assert.Single(delivered);
            Assert.Equal(WebhookEvents.Published, published.Event);
            Assert.Equal(DeliveryStatus.Delivered, published.Status);
            Assert.Equal(2, published.Attempts);

            var attempts = receiver.Requests.Where(r => r.Delivery == published.DeliveryId.ToString()).ToList();
            Assert.Equal(2, attempts.Count);
            foreach (var attempt in attempts)
            {
                Assert.Equal(WebhookEvents.Published, attempt.Event);
                var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(attempt.Body)));
                Assert.Equal(expected, attempt.Signature);
                using var json = JsonDocument.Parse(attempt.Body);
                Assert.Equal(story.Id, json.RootElement.GetProperty("story").GetProperty("id").GetInt32());
                Assert.Equal(story.Headline, json.RootElement.GetProperty("story").GetProperty("headline").GetString());
            }

            await Site.EditAsync(story.Id, a => a.Standfirst = "Changed for the webhook.");
            await Site.EditAsync(story.Id, a => a.DeletedAt = DateTime.UtcNow);
            var all = await WaitForDeliveriesAsync(webhookId, story.Id, d => d.Count(x => x.Status == DeliveryStatus.Delivered) >= 2 && d.Any(x => x.Event == WebhookEvents.Deleted));
            Assert.Contains(all, d => d.Event == WebhookEvents.Deleted);
            // The update and the delete may land in one poll; then only the delete is told.
            Assert.All(all, d => Assert.Contains(d.Event, new[] { WebhookEvents.Published, WebhookEvents.Updated, WebhookEvents.Deleted }));
        }
        finally
        {
            await RemoveWebhookAsync(webhookId);
        }
    }

    [Fact]
    public async Task A_change_committed_late_under_a_lower_id_is_not_skipped()
    {
        await AllowPrivateAddressesAsync(true);
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await AddWebhookAsync(receiver.Url);
        try
        {
            var late = await Site.CreateAsync(TestArticles.UniqueHeadline("Late commit"), configure: a => { a.Status = Gazette.Articles.ArticleStatus.Draft; a.PublishedAt = null; });
            var early = await Site.CreateAsync(TestArticles.UniqueHeadline("Early commit"), configure: a => { a.Status = Gazette.Articles.ArticleStatus.Draft; a.PublishedAt = null; });
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            // Two stories go public; the change rows are written by hand to play what PostgreSQL does when two
            // transactions overlap: the row with the higher id commits first, the lower one a few seconds later.
            var id = await Site.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<GazetteDb>();
                var ct = TestContext.Current.CancellationToken;
                await db.Articles.Where(a => a.Id == late.Id || a.Id == early.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, Gazette.Articles.ArticleStatus.Published).SetProperty(a => a.PublishedAt, DateTime.UtcNow.AddMinutes(-1)), ct);
                // Ids the database will never hand out itself: past the last on SQLite, a reserved run of the sequence on PostgreSQL.
                var next = db.Database.IsNpgsql()
                    ? await db.Database.SqlQueryRaw<long>("SELECT setval(pg_get_serial_sequence('\"ChangeEvents\"', 'Id'), nextval(pg_get_serial_sequence('\"ChangeEvents\"', 'Id')) + 100) - 50 AS \"Value\"").SingleAsync(ct)
                    : (await db.ChangeEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 100;
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"INSERT INTO \"ChangeEvents\" (\"Id\", \"EntityType\", \"EntityId\", \"Kind\", \"OccurredAt\") VALUES ({next + 1}, {"Article"}, {early.Id}, {"Updated"}, {DateTime.UtcNow})", ct);
                return next;
            });
            await Task.Delay(2500, TestContext.Current.CancellationToken);
            await Site.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO \"ChangeEvents\" (\"Id\", \"EntityType\", \"EntityId\", \"Kind\", \"OccurredAt\") VALUES ({id}, {"Article"}, {late.Id}, {"Updated"}, {DateTime.UtcNow})", TestContext.Current.CancellationToken));

            var lateDeliveries = await WaitForDeliveriesAsync(webhookId, late.Id, d => d.Count > 0);
            var earlyDeliveries = await WaitForDeliveriesAsync(webhookId, early.Id, d => d.Count > 0);

            Assert.Equal(WebhookEvents.Published, Assert.Single(lateDeliveries).Event);
            Assert.Equal(WebhookEvents.Published, Assert.Single(earlyDeliveries).Event);
        }
        finally
        {
            await RemoveWebhookAsync(webhookId);
        }
    }

    [Fact]
    public async Task Loopback_and_private_addresses_are_refused_unless_allowed()
    {
        await AllowPrivateAddressesAsync(false);
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await AddWebhookAsync(receiver.Url);
        try
        {
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            var story = await Site.CreateAsync(TestArticles.UniqueHeadline("Webhook refused"));
            var deliveries = await WaitForDeliveriesAsync(webhookId, story.Id, d => d.Any(x => x.Attempts > 0));
            var refused = Assert.Single(deliveries);
            Assert.NotEqual(DeliveryStatus.Delivered, refused.Status);
            Assert.Contains("internal address", refused.LastError);
            Assert.Empty(receiver.Requests);
        }
        finally
        {
            await RemoveWebhookAsync(webhookId);
        }
    }

    [Fact]
    public async Task Only_administrators_open_the_webhook_page_and_it_refuses_other_schemes()
    {
        var (editor, _) = await Site.SignedInAsAsync(Gazette.Accounts.Roles.Editor);
        var denied = await editor.GetAsync("/admin/webhooks", TestContext.Current.CancellationToken);
        Assert.Contains("/admin/denied", denied.Headers.Location?.OriginalString);

        var (admin, _) = await Site.SignedInAsAsync(Gazette.Accounts.Roles.Administrator);
        var refused = await admin.PostFormAsync("/admin/webhooks?handler=Create",
            new() { ["url"] = "file:///etc/passwd", ["events"] = WebhookEvents.Published }, "/admin/webhooks");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("http:// or https://", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class WebhookTestsOnSqlite(SqliteSite site) : WebhookTests(site);

public sealed class WebhookTestsOnPostgres(PostgresSite site) : WebhookTests(site);

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("93.184.215.14", false)]
    [InlineData("2606:4700::1111", false)]
    public void Internal_addresses_are_recognised(string address, bool isInternal) =>
        Assert.Equal(isInternal, AddressGuard.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://partner.example/hook", true)]
    [InlineData("http://partner.example/hook", true)]
    [InlineData("ftp://partner.example/hook", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("https://user:pass@partner.example/", false)]
    [InlineData("/relative", false)]
    public void Only_http_and_https_urls_are_accepted(string url, bool accepted) =>
        Assert.Equal(accepted, AddressGuard.IsHttpUrl(url, out _));
}
