using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Gazette.Articles;
using Gazette.Caching;
using Gazette.Data;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Webhooks;

/// <summary>
/// Follows the change feed into webhook deliveries, and sends them in the background: publishing only writes the
/// change row and never waits for a receiver. Each failed attempt is retried after twice the previous wait
/// (from <c>Gazette:WebhookRetryBase</c>) until a day has passed since the event.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<GazetteOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);
    private const int EventsPerPoll = 500;
    private const int SendsPerPoll = 20;

    /// <summary>How long a hole in the change feed's ids is waited for before it is taken as a rolled-back transaction.</summary>
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
                var site = await scope.ServiceProvider.GetRequiredService<SiteContext>().GetAsync(stoppingToken);
                await FollowAsync(db, site, stoppingToken);
                await SendDueAsync(db, site, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A unique-index refusal here means another node queued the same events first: nothing is lost.
                logger.LogWarning(exception, "Webhook dispatch failed; retrying.");
            }
            try
            {
                await Task.Delay(options.Value.WebhookPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Turns new change-feed rows about stories into deliveries, deciding publish, update, unpublish or delete.</summary>
    public async Task FollowAsync(GazetteDb db, SiteContext.Snapshot site, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cursor = await db.WebhookCursors.FirstOrDefaultAsync(c => c.Id == 1, cancellationToken);
        if (cursor is null)
        {
            // First run: what is public now is the starting point; the past is not replayed to receivers.
            var last = await db.ChangeEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            db.WebhookCursors.Add(new WebhookCursor { LastChangeId = last });
            var publicIds = await db.Articles.AsNoTracking().WherePublic(now).Select(a => a.Id).ToListAsync(cancellationToken);
            db.WebhookPublicStories.AddRange(publicIds.Select(id => new WebhookPublicArticle { ArticleId = id }));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var changes = await db.ChangeEvents.AsNoTracking().Where(e => e.Id > cursor.LastChangeId)
            .OrderBy(e => e.Id).Take(EventsPerPoll).ToListAsync(cancellationToken);
        changes = BeforeRecentGap(changes, cursor.LastChangeId);
        if (changes.Count == 0)
            return;
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.Active).ToListAsync(cancellationToken);
        // The last row about each story decides; earlier rows of the same batch are the same story's history.
        foreach (var change in changes.Where(c => c.EntityType == nameof(Article)).GroupBy(c => c.EntityId).Select(g => g.Last()))
        {
            var article = await db.Articles.IgnoreQueryFilters().AsNoTracking().Include(a => a.Section)
                .FirstOrDefaultAsync(a => a.Id == change.EntityId, cancellationToken);
            var isPublic = article is { DeletedAt: null } && article.IsPublic(now);
            var known = await db.WebhookPublicStories.FirstOrDefaultAsync(s => s.ArticleId == change.EntityId, cancellationToken);
            string? eventName = (known is not null, isPublic) switch
            {
                (false, true) => WebhookEvents.Published,
                (true, true) => WebhookEvents.Updated,
                (true, false) => article is null || article.DeletedAt is not null ? WebhookEvents.Deleted : WebhookEvents.Unpublished,
                _ => null,
            };
            if (eventName is null)
                continue;
            if (isPublic && known is null)
                db.WebhookPublicStories.Add(new WebhookPublicArticle { ArticleId = change.EntityId });
            else if (!isPublic && known is not null)
                db.WebhookPublicStories.Remove(known);
            foreach (var webhook in webhooks.Where(w => w.Wants(eventName)))
            {
                var deliveryId = Guid.NewGuid();
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    WebhookId = webhook.Id,
                    DeliveryId = deliveryId,
                    ChangeEventId = change.Id,
                    Event = eventName,
                    ArticleId = change.EntityId,
                    Payload = Payload(deliveryId, eventName, change, article, isPublic, site),
                    Status = DeliveryStatus.Pending,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }
        }
        await QueuePurgesAsync(db, webhooks, changes, now, cancellationToken);
        cursor.LastChangeId = changes[^1].Id;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// One <see cref="WebhookEvents.CachePurge"/> per batch of changes, listing the surrogate keys it made stale. It is
    /// numbered by the batch's last change row negated, so it never takes the place of that row's story delivery in
    /// the (webhook, change) unique index that keeps two nodes from queuing the same event.
    /// </summary>
    private static async Task QueuePurgesAsync(GazetteDb db, List<Webhook> webhooks, List<ChangeEvent> changes, DateTime now, CancellationToken cancellationToken)
    {
        var purgers = webhooks.Where(w => w.Wants(WebhookEvents.CachePurge)).ToList();
        if (purgers.Count == 0)
            return;
        var keys = await CacheTags.StaleAfterAsync(db, changes, cancellationToken);
        if (keys.Count == 0)
            return;
        var last = changes[^1];
        foreach (var webhook in purgers)
        {
            var deliveryId = Guid.NewGuid();
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                WebhookId = webhook.Id,
                DeliveryId = deliveryId,
                ChangeEventId = -last.Id,
                Event = WebhookEvents.CachePurge,
                ArticleId = 0,
                Payload = JsonSerializer.Serialize(new { id = deliveryId, @event = WebhookEvents.CachePurge, occurredAt = last.OccurredAt, keys = keys.Order(StringComparer.Ordinal) },
                    JsonSerializerOptions.Web),
                Status = DeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>
    /// PostgreSQL hands out ids when a row is written, not when its transaction commits: a missing id below a newer
    /// one may be a story still being saved. The cursor stops before such a hole for a few seconds instead of passing
    /// it for good; a hole that stays is a rolled-back transaction and is passed.
    /// </summary>
    private static List<ChangeEvent> BeforeRecentGap(List<ChangeEvent> changes, long lastSeen)
    {
        var expected = lastSeen + 1;
        var count = 0;
        foreach (var change in changes)
        {
            if (change.Id != expected && change.Id - expected <= EventsPerPoll && DateTime.UtcNow - change.OccurredAt < GapWait)
                break;
            expected = change.Id + 1;
            count++;
        }
        return count == changes.Count ? changes : changes[..count];
    }

    private static string Payload(Guid deliveryId, string eventName, ChangeEvent change, Article? article, bool isPublic, SiteContext.Snapshot site)
    {
        var baseUrl = site.Settings.BaseUrl.TrimEnd('/');
        object story = article is not null && isPublic
            ? new
            {
                id = article.Id,
                headline = article.Headline,
                secondHeadline = article.SecondHeadline,
                standfirst = article.Standfirst,
                language = article.Language,
                section = article.Section?.Slug,
                url = baseUrl + Addresses.Story(article, site.TimeZone),
                api = $"{baseUrl}/api/v1/stories/{article.Id}",
                publishedAt = article.PublishedAt,
                updatedAt = article.UpdatedAt,
            }
            : new { id = change.EntityId };
        return JsonSerializer.Serialize(new { id = deliveryId, @event = eventName, occurredAt = change.OccurredAt, story }, JsonSerializerOptions.Web);
    }

    /// <summary>Sends the deliveries that are due. Each is claimed first, so two nodes never send the same attempt.</summary>
    public async Task SendDueAsync(GazetteDb db, SiteContext.Snapshot site, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Webhook)
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt).Take(SendsPerPoll).ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            var claimedUntil = now.AddMinutes(5);
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == delivery.Id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt == delivery.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, claimedUntil), cancellationToken);
            if (claimed == 0)
                continue;
            var (status, error) = await SendAsync(delivery, site.Settings.WebhooksAllowPrivateAddresses, cancellationToken);
            var attempts = delivery.Attempts + 1;
            var after = clock.GetUtcNow().UtcDateTime;
            var succeeded = status is >= 200 and < 300;
            var retryAt = after + options.Value.WebhookRetryBase * Math.Pow(2, Math.Min(attempts - 1, 20));
            var giveUp = !succeeded && retryAt > delivery.CreatedAt + GiveUpAfter;
            var newStatus = succeeded ? DeliveryStatus.Delivered : giveUp ? DeliveryStatus.Failed : DeliveryStatus.Pending;
            DateTime? next = newStatus == DeliveryStatus.Pending ? retryAt : null;
            var lastError = error is { Length: > 1000 } ? error[..1000] : error;
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.LastAttemptAt, after)
                .SetProperty(d => d.LastStatusCode, status)
                .SetProperty(d => d.LastError, lastError)
                .SetProperty(d => d.Status, newStatus)
                .SetProperty(d => d.NextAttemptAt, next), cancellationToken);
        }
    }

    private async Task<(int? Status, string? Error)> SendAsync(WebhookDelivery delivery, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (!AddressGuard.IsHttpUrl(delivery.Webhook.Url, out var uri))
            return (null, "Only http:// and https:// addresses are delivered to.");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Options.Set(AddressGuard.AllowPrivate, allowPrivate);
        request.Headers.Add("X-Gazette-Event", delivery.Event);
        request.Headers.Add("X-Gazette-Delivery", delivery.DeliveryId.ToString());
        request.Headers.Add("X-Gazette-Signature", Signature(delivery.Webhook.Secret, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("Gazette-Webhooks/1");
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, exception.InnerException?.Message ?? exception.Message);
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret.</summary>
    public static string Signature(string secret, string payload) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));
}

public static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookDispatcher.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = AddressGuard.ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
