using Gazette.Data;
using Gazette.Tests.Infrastructure;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gazette.Tests.Data;

public abstract class DataModelTests(GazetteSite site) : SiteTest(site)
{
    /// <summary>
    /// The model in the code is the one the newest migration builds: start-up skips EF's own comparison on a database
    /// that is already up to date, so a model change without its migration must fail here.
    /// </summary>
    [Fact]
    public async Task Every_model_change_has_its_migration()
    {
        var (pendingChanges, pendingMigrations) = await Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GazetteDb>();
            return (db.Database.HasPendingModelChanges(), await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        });

        Assert.False(pendingChanges, "the model has changes no migration makes: add one per provider (README.md, section PostgreSQL)");
        Assert.Empty(pendingMigrations);
    }
}

public sealed class DataModelTestsOnSqlite(SqliteSite site) : DataModelTests(site);

public sealed class DataModelTestsOnPostgres(PostgresSite site) : DataModelTests(site);
