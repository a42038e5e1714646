using Gazette.Accounts;
using Gazette.Demo;

using Microsoft.AspNetCore.DataProtection.KeyManagement;
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
        // Migrate compares the model with the newest migration's snapshot on every call, a noticeable part of start-up;
        // a database already at the newest migration skips it. Every test site starts from an empty database, where
        // the comparison still runs (and DataModelTests checks it directly).
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

        // Several nodes starting at once on one empty PostgreSQL database would each add the settings and the demo
        // stories; a session advisory lock lets one do it while the others wait, then find the work done.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var postgres = db.Database.IsNpgsql();
        if (postgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({FirstStartLock})", cancellationToken);
        try
        {
            if (!await db.SiteSettings.AnyAsync(cancellationToken))
            {
                db.SiteSettings.Add(DemoContent.DefaultSettings());
                await db.SaveChangesAsync(cancellationToken);
            }
            await AccountsRegistration.EnsureRolesAsync(scope.ServiceProvider, cancellationToken);
            EnsureDataProtectionKey(scope.ServiceProvider);
            if (options.Value.DemoContent && !await db.Articles.IgnoreQueryFilters().AnyAsync(cancellationToken))
            {
                var demo = scope.ServiceProvider.GetRequiredService<DemoContent>();
                var count = await demo.SeedAsync(cancellationToken);
                logger.LogInformation("The database was empty: added {Count} demo stories.", count);
            }
        }
        finally
        {
            if (postgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({FirstStartLock})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
        if (await AccountsRegistration.NoUserExistsAsync(db, cancellationToken))
        {
            logger.LogWarning(
                "No newsroom account exists yet. Create the first administrator with `dotnet run --project src/Gazette -- users create-admin --email E --name N`, or open {SetupPath} once the site is up.",
                AccountsRegistration.SetupPath);
        }
    }

    /// <summary>
    /// Makes the first data-protection key here, under the first-start lock: nodes starting together on an empty
    /// database would each make their own and, for a while, refuse each other's cookies and form tokens.
    /// </summary>
    private void EnsureDataProtectionKey(IServiceProvider services)
    {
        // Absent for the command-line verbs, which protect nothing.
        if (services.GetService<IKeyManager>() is not { } keys)
            return;
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now.AddDays(2)))
        {
            keys.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
            if (KeyProtection.KeysStoredUnencrypted(services.GetRequiredService<IConfiguration>()))
                logger.LogInformation(
                    "Made a new data-protection key (it signs sign-in cookies and form tokens) and stored it in the database unencrypted; set {Setting} to a PFX certificate to encrypt new keys.",
                    KeyProtection.CertificateSetting);
        }
    }

    /// <summary>Advisory lock key of the first-start work ("GAZ1" in ASCII), distinct from the scheduler's.</summary>
    private const long FirstStartLock = 0x47415A31;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
