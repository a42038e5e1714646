namespace Gazette;

/// <summary>The <c>Gazette:*</c> configuration keys.</summary>
public sealed class GazetteOptions
{
    public const string SectionName = "Gazette";

    /// <summary>Folder for the SQLite file, media and the search index. Relative paths start at the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Fill an empty database with the demo stories.</summary>
    public bool DemoContent { get; set; } = true;

    /// <summary>
    /// Sign-in attempts (POSTs to the sign-in, two-factor and setup pages) allowed per client IP address per minute;
    /// 0 turns the limit off. Behind a reverse proxy, configure forwarded headers so the address is the reader's.
    /// </summary>
    public int SignInRateLimit { get; set; } = 10;

    /// <summary>How often the scheduler looks for stories whose publication time has come; zero or less turns it off.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each node reads the change feed into its search index.</summary>
    public TimeSpan SearchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the webhook dispatcher reads the change feed and sends what is due.</summary>
    public TimeSpan WebhookPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before a failed webhook delivery's first retry; each later one waits twice as long, for a day.</summary>
    public TimeSpan WebhookRetryBase { get; set; } = TimeSpan.FromSeconds(30);

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);
}
