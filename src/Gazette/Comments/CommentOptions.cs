namespace Gazette.Comments;

/// <summary>The <c>Gazette:Comments</c> configuration keys (site settings an administrator edits live in SiteSettings).</summary>
public sealed class CommentOptions
{
    public const string SectionName = "Gazette:Comments";

    /// <summary>Comment posts allowed per client IP address per 10 minutes; 0 turns the limit off.</summary>
    public int PostsPerIp { get; set; } = 10;

    /// <summary>Comment posts allowed per e-mail address per hour; 0 turns the limit off.</summary>
    public int PostsPerEmail { get; set; } = 10;

    /// <summary>How long a rendered comment form may be sent.</summary>
    public TimeSpan FormLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Sent sooner than this after the form was rendered, a comment is suspect: people read and type.</summary>
    public TimeSpan MinimumWritingTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a "see and erase my comments" link works.</summary>
    public TimeSpan PrivacyLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often old IP hashes and used form tokens are cleared; zero or less turns it off.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>The <c>Gazette:Smtp</c> keys. Without a host no mail is sent, and nothing fails for it.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Gazette:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "gazette@localhost";

    /// <summary>true: TLS (STARTTLS on 587, implicit on 465); false: plain, for a local relay.</summary>
    public bool UseTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
