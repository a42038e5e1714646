using Gazette.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gazette.Data;

/// <summary>
/// Brings the database to the current schema before the web server takes requests, turns on SQLite's
/// write-ahead log, and gives an empty site its demo stories.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<GazetteOptions> options, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        if (!await db.SiteSettings.AnyAsync(cancellationToken))
        {
            db.SiteSettings.Add(DemoContent.DefaultSettings());
            await db.SaveChangesAsync(cancellationToken);
        }
        if (options.Value.DemoContent && !await db.Articles.AnyAsync(cancellationToken))
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoContent>();
            var count = await demo.SeedAsync(cancellationToken);
            logger.LogInformation("The database was empty: added {Count} demo stories.", count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
