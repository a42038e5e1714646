using Gazette.Data;

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Gazette.Search;

/// <summary>
/// Keeps this node's <see cref="SearchIndex"/> in step with the database. At start it opens the index, or builds
/// it again in the background when it is missing or unreadable (the site serves meanwhile); then it polls the
/// change feed every <c>Gazette:SearchPollInterval</c> and re-indexes each story that changed, or whose section,
/// tags or authors did.
/// </summary>
public sealed class IndexFollower(SearchIndex index, IServiceScopeFactory scopes, IOptions<GazetteOptions> options,
    IOutputCacheStore cache, TimeProvider clock, ILogger<IndexFollower> logger) : BackgroundService
{
    private const int MaxArticlesEvictedOneByOne = 200;

    private readonly ChangeFeedReader feed = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = options.Value.SearchPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
                if (!index.IsReady && !index.TryOpen())
                    await index.RebuildAsync(db, stoppingToken);
                await CatchUpAsync(db, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Following the change feed into the search index failed; retrying.");
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Applies every change-feed row after the index's last one.</summary>
    public async Task CatchUpAsync(GazetteDb db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var last = index.LastChangeId;
            var (changes, newest) = await feed.ReadAsync(db, last, cancellationToken);
            if (changes.Count == 0)
                return;
            var stories = ArticlesTouchedBy(changes);
            await index.ApplyAsync(db, stories, newest, cancellationToken);
            if (stories.Count > 0)
                await EvictWhatTheIndexShowedAsync(stories, cancellationToken);
            if (changes.Count < ChangeFeedReader.BatchSize)
                return;
        }
    }

    /// <summary>
    /// Pages computed from the index as it was: search results, the "read also" lists of the stories re-indexed and
    /// of the pages listing them (a story page is tagged with its related stories), and the pages of the stories most
    /// like each re-indexed one, whose lists it may now join (similarity goes both ways, nearly): those pages only, not
    /// the lists that show those stories, which the index did not compute. The change feed's own
    /// eviction may have run before this pass, and re-rendered those pages from the old index.
    /// </summary>
    private async Task EvictWhatTheIndexShowedAsync(IReadOnlyCollection<int> stories, CancellationToken cancellationToken)
    {
        await cache.EvictByTagAsync(Caching.CacheTags.SearchResults, cancellationToken);
        if (stories.Count > MaxArticlesEvictedOneByOne)
        {
            await cache.EvictByTagAsync(Caching.GazetteCachePolicy.AllTag, cancellationToken);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var neighbours = index.Search(searcher => stories
            .SelectMany(id => Related.RelatedRanking.Rank(searcher, id, now, new HashSet<int> { id }))
            .ToList()) ?? [];
        foreach (var id in stories)
            await cache.EvictByTagAsync(Caching.CacheTags.Story(id), cancellationToken);
        foreach (var id in neighbours.Distinct())
            await cache.EvictByTagAsync(Caching.CacheTags.RelatedListOf(id), cancellationToken);
    }

    private HashSet<int> ArticlesTouchedBy(IEnumerable<ChangeEvent> changes)
    {
        var stories = new HashSet<int>();
        foreach (var change in changes)
        {
            var id = ArticleDocument.IdText(change.EntityId);
            // Who uses a section, tag or author is read from the index: after a delete the database no longer knows.
            stories.UnionWith(change.EntityType switch
            {
                "Article" => [change.EntityId],
                "Section" => index.ArticlesWith(ArticleDocument.SectionId, id),
                "Tag" => index.ArticlesWith(ArticleDocument.TagId, id),
                "Author" => index.ArticlesWith(ArticleDocument.AuthorId, id),
                _ => [],
            });
        }
        return stories;
    }
}
