using Gazette.Data;
using Gazette.Sections;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Site;

/// <summary>
/// Keeps this node's <see cref="SiteContext"/> in step when the settings or the sections change on another node:
/// the change feed says so, and the snapshot is dropped and read again on the next request. The node that made the
/// change has invalidated its own already.
/// </summary>
public sealed partial class SiteContextFollower(SiteContext site, IServiceScopeFactory scopes, IOptions<GazetteOptions> options,
    ILogger<SiteContextFollower> logger) : BackgroundService
{
    private static readonly string[] Watched = [nameof(SiteSettings), nameof(Section)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
                if (last is null)
                {
                    last = await db.ChangeEvents.MaxAsync(e => (long?)e.Id, stoppingToken) ?? 0;
                }
                else
                {
                    var from = last.Value;
                    var newest = await db.ChangeEvents.Where(e => e.Id > from).MaxAsync(e => (long?)e.Id, stoppingToken);
                    if (newest is not null)
                    {
                        if (await db.ChangeEvents.AnyAsync(e => e.Id > from && e.Id <= newest && Watched.Contains(e.EntityType), stoppingToken))
                            site.Invalidate();
                        last = newest;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
            try
            {
                await Task.Delay(options.Value.SearchPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the change feed for settings changes; retrying.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
