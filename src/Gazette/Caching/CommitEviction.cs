using System.Data.Common;

using Gazette.Data;

using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Gazette.Caching;

/// <summary>
/// When a transaction that wrote change-feed rows commits, evicts this node's cached pages they make stale before the
/// save returns: whoever saved sees the change on their next request, without waiting for the change feed's follower
/// (<see cref="CacheEviction"/>), which evicts them again for every node. A rolled-back transaction evicts nothing.
/// </summary>
public sealed class CommitEviction : DbTransactionInterceptor
{
    public static readonly CommitEviction Instance = new();

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not GazetteDb { UncommittedChanges.Count: > 0 } db)
            return;
        var changes = db.UncommittedChanges.ToList();
        db.UncommittedChanges.Clear();
        // The command-line verbs have no output cache, and so no eviction service.
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        if (services?.GetService<CacheEviction>() is { } eviction)
            await eviction.EvictNowAsync(changes, cancellationToken);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as GazetteDb)?.UncommittedChanges.Clear();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as GazetteDb)?.UncommittedChanges.Clear();
}
