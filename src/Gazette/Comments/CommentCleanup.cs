using Gazette.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Comments;

/// <summary>
/// Drops the IP hashes of comments older than the retention setting, and forgets used form tokens once they would
/// have expired anyway. Every node may run it: both are idempotent updates.
/// </summary>
public sealed class CommentCleanup(IServiceScopeFactory scopes, IOptions<CommentOptions> options, TimeProvider clock, ILogger<CommentCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CleanupInterval;
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Comment clean-up failed; it runs again in {Interval}.", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many IP hashes were dropped.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var days = await db.SiteSettings.OrderBy(s => s.Id).Select(s => (int?)s.CommentIpRetentionDays).FirstOrDefaultAsync(cancellationToken) ?? 30;
        var cutoff = now.AddDays(-Math.Max(0, days));
        var dropped = await db.Comments.Where(c => c.IpHash != null && c.CreatedAt < cutoff)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.IpHash, (string?)null), cancellationToken);
        await db.CommentFormUses.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        return dropped;
    }
}
