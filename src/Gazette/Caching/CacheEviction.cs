using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Caching;

/// <summary>
/// Follows the change feed into output-cache evictions: every <see cref="OutputCacheSettings.PollInterval"/> it
/// reads the new rows and evicts the tags they make stale (<see cref="CacheTags.StaleAfterAsync"/>), only through
/// <see cref="IOutputCacheStore.EvictByTagAsync"/> so a shared store evicts for every node. It starts from the
/// feed's end: a node's own memory cache starts empty, and a shared one is kept current by the nodes already running.
/// Section and settings changes also refresh this node's <see cref="SiteContext"/> (another node may have made them),
/// before the pages showing them are evicted, so no page is rendered again from the old snapshot.
/// </summary>
public sealed class CacheEviction(IOutputCacheStore store, IServiceScopeFactory scopes, SiteContext site, IOptions<OutputCacheSettings> options,
    ILogger<CacheEviction> logger) : BackgroundService
{
    private readonly ChangeFeedReader feed = new();
    private long? lastSeen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await CatchUpAsync(scope.ServiceProvider.GetRequiredService<GazetteDb>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Following the change feed into cache evictions failed; retrying.");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Evicts what <paramref name="changes"/>, just committed, made stale; a failure is logged, never thrown at the saver.</summary>
    public async Task EvictNowAsync(IReadOnlyCollection<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        try
        {
            // A context of its own: the saver's may still be finishing its transaction.
            await using var scope = scopes.CreateAsyncScope();
            await EvictAsync(scope.ServiceProvider.GetRequiredService<GazetteDb>(), changes, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Evicting cached pages after a save failed; the change feed will.");
        }
    }

    private async Task EvictAsync(GazetteDb db, IReadOnlyCollection<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        if (CacheTags.ChangesEveryPage(changes))
            site.Invalidate();
        var stale = await CacheTags.StaleAfterAsync(db, changes, cancellationToken);
        foreach (var tag in stale)
            await store.EvictByTagAsync(tag, cancellationToken);
    }

    public async Task CatchUpAsync(GazetteDb db, CancellationToken cancellationToken)
    {
        if (lastSeen is not { } last)
        {
            lastSeen = await db.ChangeEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
            return;
        }
        while (true)
        {
            var (changes, newest) = await feed.ReadAsync(db, last, cancellationToken);
            if (changes.Count == 0)
                return;
            await EvictAsync(db, changes, cancellationToken);
            lastSeen = last = newest;
            if (changes.Count < ChangeFeedReader.BatchSize)
                return;
        }
    }
}
