namespace Gazette.Site;

/// <summary>The one row of site-wide settings an administrator edits.</summary>
public class SiteSettings
{
    public int Id { get; set; } = 1;
    public string Title { get; set; } = "Gazette";
    public string Description { get; set; } = "";
    public string DefaultLanguage { get; set; } = "en";

    /// <summary>IANA time zone id, e.g. <c>Europe/Paris</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Absolute base URL used for canonical links and feeds, e.g. <c>https://news.example</c>. Empty: taken from the request.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Largest image upload accepted, in megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary>Comments close this many days after publication; 0 keeps them open.</summary>
    public int CommentsCloseAfterDays { get; set; }

    /// <summary>The first comment of an e-mail address waits for a moderator.</summary>
    public bool HoldFirstComment { get; set; } = true;

    /// <summary>Someone with approved comments and none marked spam is approved at once unless the spam score is high.</summary>
    public bool ApproveKnownCommenters { get; set; } = true;

    /// <summary>Days a comment keeps the keyed hash of its sender's IP address.</summary>
    public int CommentIpRetentionDays { get; set; } = 30;

    /// <summary>Words or phrases, one a line, that make a comment suspect.</summary>
    public string CommentBlockedWords { get; set; } = "";

    /// <summary>Domains, one a line, whose links (or e-mail addresses) make a comment suspect; subdomains included.</summary>
    public string CommentBlockedDomains { get; set; } = "";

    /// <summary>The secret key of the IP hashes, protected by the data-protection keys (themselves in the database).</summary>
    public string? CommentIpHashKey { get; set; }
    /// <summary>Feeds carry each story's whole body when true, only its standfirst when false.</summary>
    public bool FeedFullText { get; set; }

    /// <summary>
    /// Lets webhooks deliver to loopback, private and link-local addresses. Off by default: a webhook URL must not
    /// become a way to reach the server's own network (server-side request forgery).
    /// </summary>
    public bool WebhooksAllowPrivateAddresses { get; set; }

    /// <summary>
    /// The languages published as editions, comma-separated (the default language is always one). With one edition the
    /// site shows every story at the root; with several, each language has its home, fronts, feeds and search under <c>/{lang}/</c>.
    /// </summary>
    public string EditionLanguages { get; set; } = "";

    /// <summary>A LibreTranslate-compatible endpoint (its base URL) for pre-filling translations; empty: machine translation off.</summary>
    public string MachineTranslationUrl { get; set; } = "";

    /// <summary>The endpoint's API key, if it wants one.</summary>
    public string? MachineTranslationApiKey { get; set; }
}
