using Gazette.Caching;

namespace Gazette.Search;

/// <summary>
/// Pages computed from the search index (results, "read also") and the cache: the index follower evicts them once it
/// has taken a change in, but a page that read the index just before the change can finish rendering after that
/// eviction and be stored, stale. Pages rendered while the index has just moved are therefore not kept long.
/// </summary>
public static class IndexSettling
{
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BriefLifetime = TimeSpan.FromSeconds(5);

    public static void KeepBrieflyWhileIndexSettles(this HttpContext context, SearchIndex index)
    {
        if (DateTime.UtcNow - index.LastChangedAtUtc < Settling)
            context.KeepBriefly(BriefLifetime);
    }
}
