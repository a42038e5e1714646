using Microsoft.AspNetCore.OutputCaching;

namespace Gazette.Caching;

/// <summary>
/// How long each kind of response may be kept, by the output cache and by browsers: every lifetime Gazette sets is
/// decided here. Pages are kept for <see cref="OutputCacheSettings.Duration"/> unless something they show is known to
/// be provisional or to change at a known time; then the shortest such lifetime wins.
/// </summary>
public static class PageLifetimes
{
    /// <summary>A page that shows something provisional (a search index that has just moved, no related stories yet).</summary>
    public static readonly TimeSpan Provisional = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after the search index moved a page computed from it counts as provisional: the index follower evicts
    /// pages once it has taken a change in, but a page that read the index just before the change can finish rendering
    /// after that eviction and be stored, stale.
    /// </summary>
    private static readonly TimeSpan IndexSettling = TimeSpan.FromSeconds(10);

    /// <summary><c>Cache-Control</c> of feeds: feed readers poll, and a 304 answers them while nothing changed.</summary>
    public const string Feeds = "public, max-age=300";

    /// <summary><c>Cache-Control</c> of sitemaps and the content API, which crawlers and apps read soon after a change.</summary>
    public const string Listings = "public, max-age=60";

    /// <summary><c>Cache-Control</c> of oEmbed answers: a card's headline and image change rarely.</summary>
    public const string Embeds = "public, max-age=3600";

    /// <summary>For answers that carry a secret or depend on one reader (tokens, a signed form, a chosen edition).</summary>
    public const string NoStore = "no-store";

    /// <summary>The same, for answers that a shared cache must not keep even in part.</summary>
    public const string PrivateNoStore = "private, no-store";

    /// <summary>
    /// A story page: provisional while it has no related stories yet (the search index trails the database by a poll)
    /// or while the index settles; kept no longer than until its comments close, since a cached page must not offer
    /// the comment form after that.
    /// </summary>
    public static TimeSpan? ForArticlePage(DateTime nowUtc, DateTime indexChangedUtc, bool hasRelated, DateTime? commentsCloseUtc) =>
        Shortest(
            hasRelated ? null : Provisional,
            ForIndexResults(nowUtc, indexChangedUtc),
            commentsCloseUtc - nowUtc);

    /// <summary>A page computed from the search index (results, "read also"): provisional while the index settles.</summary>
    public static TimeSpan? ForIndexResults(DateTime nowUtc, DateTime indexChangedUtc) =>
        nowUtc - indexChangedUtc < IndexSettling ? Provisional : null;

    /// <summary>
    /// Keeps the response being cached for at most <paramref name="lifetime"/> (none: the policy's own); of several
    /// calls, the shortest lifetime wins, and a response is always kept for one second at least.
    /// </summary>
    public static void KeepAtMost(this HttpContext context, TimeSpan? lifetime)
    {
        if (lifetime is not { } wanted || context.Features.Get<IOutputCacheFeature>()?.Context is not { EnableOutputCaching: true } cache)
            return;
        wanted = TimeSpan.FromTicks(Math.Max(wanted.Ticks, TimeSpan.TicksPerSecond));
        if (cache.ResponseExpirationTimeSpan is not { } current || wanted < current)
            cache.ResponseExpirationTimeSpan = wanted;
    }

    private static TimeSpan? Shortest(params TimeSpan?[] lifetimes)
    {
        TimeSpan? shortest = null;
        foreach (var lifetime in lifetimes)
        {
            if (lifetime is { } value && (shortest is null || value < shortest))
                shortest = value;
        }
        return shortest;
    }

    /// <summary>Media library files, named by their content, never change.</summary>
    public const string ImmutableFile = "public, max-age=31536000, immutable";

    /// <summary>Other media files (the demo images) may be replaced under the same name.</summary>
    public const string MediaOriginal = "public, max-age=86400";
}
