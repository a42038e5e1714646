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

    /// <summary>Feeds carry each story's whole body when true, only its standfirst when false.</summary>
    public bool FeedFullText { get; set; }

    /// <summary>
    /// Lets webhooks deliver to loopback, private and link-local addresses. Off by default: a webhook URL must not
    /// become a way to reach the server's own network (server-side request forgery).
    /// </summary>
    public bool WebhooksAllowPrivateAddresses { get; set; }
}
