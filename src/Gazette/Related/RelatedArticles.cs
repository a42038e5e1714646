using Gazette.Articles;
using Gazette.Data;
using Gazette.Search;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Gazette.Related;

/// <summary>
/// The "read also" list at the end of a story: the editor's pinned stories first, in their order, then
/// <see cref="RelatedRanking"/>'s choice, without the excluded ones; only stories a reader may see. Kept in memory
/// per story and index generation, so any change the index follows (a story, its pins, a tag…) recomputes it.
/// </summary>
public sealed class RelatedArticles(GazetteDb db, SearchIndex index, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>Bounds how long a list may wait for a scheduled story to come out, which changes no row.</summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<ArticleSummary>> ForAsync(int storyId, CancellationToken cancellationToken)
    {
        var generation = index.Generation;
        var key = (nameof(RelatedArticles), storyId, generation);
        if (cache.TryGetValue(key, out IReadOnlyList<ArticleSummary>? cached) && cached is not null)
            return cached;
        if (!index.IsReady)
            return [];
        var stories = await ComputeAsync(storyId, cancellationToken);
        cache.Set(key, stories, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = MaxAge, Size = 1 });
        return stories;
    }

    private async Task<IReadOnlyList<ArticleSummary>> ComputeAsync(int storyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var choices = await db.Set<RelatedPin>().AsNoTracking().Where(p => p.ArticleId == storyId)
            .OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var pinned = choices.Where(p => p.Kind == RelatedPinKind.Pin).Select(p => p.TargetId).ToList();
        var leaveOut = choices.Select(p => p.TargetId).Append(storyId).ToHashSet();
        var room = Math.Max(0, RelatedRanking.MaxArticles - pinned.Count);
        var ranked = room == 0 ? [] : index.Search(searcher => RelatedRanking.Rank(searcher, storyId, now, leaveOut, room)) ?? [];
        var wanted = pinned.Take(RelatedRanking.MaxArticles).Concat(ranked).ToList();
        var found = await db.Articles.AsNoTracking().WherePublic(now).Where(a => wanted.Contains(a.Id))
            .ToSummariesAsync(db, cancellationToken);
        var byId = found.ToDictionary(s => s.Id);
        return wanted.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }
}
