using Gazette.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

using Npgsql;

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
            await CreatePostgresDatabaseIfMissingAsync(db.Database.GetConnectionString()!, cancellationToken);
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

    /// <summary>Creates the database named by the connection string when the server does not have it yet.</summary>
    private async Task CreatePostgresDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (string.IsNullOrEmpty(target.Database))
            return;
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answers but has no such database: create it below.
        }

        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var quotedName = "\"" + target.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quotedName}", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created the PostgreSQL database {Database}.", target.Database);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
