namespace Gazette.Webhooks;

/// <summary>A receiver of story events, configured by an administrator.</summary>
public class Webhook
{
    public int Id { get; set; }
    public required string Url { get; set; }

    /// <summary>The key of each delivery's HMAC-SHA256 signature, shared with the receiver.</summary>
    public required string Secret { get; set; }

    /// <summary>The events it receives, comma-separated (see <see cref="WebhookEvents"/>).</summary>
    public string Events { get; set; } = string.Join(',', WebhookEvents.Story);
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }

    public bool Wants(string eventName) =>
        Active && Events.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(eventName);
}

public static class WebhookEvents
{
    public const string Published = "story.published";
    public const string Updated = "story.updated";
    public const string Unpublished = "story.unpublished";
    public const string Deleted = "story.deleted";

    /// <summary>
    /// The cache tags (<c>Surrogate-Key</c> values) a batch of changes made stale, for a CDN to purge by; see
    /// docs/performance.md. Not about one story, so not among <see cref="Story"/>.
    /// </summary>
    public const string CachePurge = "cache.purge";

    public static readonly string[] Story = [Published, Updated, Unpublished, Deleted];

    public static readonly string[] All = [.. Story, CachePurge];
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>One event for one webhook, with its attempts so far: the delivery log.</summary>
public class WebhookDelivery
{
    public long Id { get; set; }
    public int WebhookId { get; set; }
    public Webhook Webhook { get; set; } = null!;

    /// <summary>The <c>X-Gazette-Delivery</c> header: the same for every attempt, so receivers can drop repeats.</summary>
    public Guid DeliveryId { get; set; }

    /// <summary>The change-feed row that caused it; with the webhook, unique, so two nodes never queue it twice.</summary>
    public long ChangeEventId { get; set; }
    public required string Event { get; set; }
    public int ArticleId { get; set; }
    public required string Payload { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
}

/// <summary>How far the webhook dispatcher has read the change feed (one row).</summary>
public class WebhookCursor
{
    public int Id { get; set; } = 1;
    public long LastChangeId { get; set; }
}

/// <summary>A story the dispatcher last saw public: tells a publication from an update, and an unpublication from nothing.</summary>
public class WebhookPublicArticle
{
    public int ArticleId { get; set; }
}
