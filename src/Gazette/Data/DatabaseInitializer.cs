using Gazette.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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
        if (db.Database.IsNpgsql())
        {
            // Migrate would create both itself, but logs a failed connection and a failed query as errors first,
            // which on a first start read like a broken server.
            await PostgresDatabase.CreateIfMissingAsync(db.Database.GetConnectionString()!, logger, cancellationToken);
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
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
