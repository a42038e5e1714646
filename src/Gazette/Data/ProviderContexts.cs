using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gazette.Data;

/// <summary>The SQLite flavour of <see cref="GazetteDb"/>; exists so SQLite keeps its own migrations.</summary>
public sealed class SqliteGazetteDb(DbContextOptions<SqliteGazetteDb> options) : GazetteDb(options);

/// <summary>The PostgreSQL flavour of <see cref="GazetteDb"/>; exists so PostgreSQL keeps its own migrations.</summary>
public sealed class PostgresGazetteDb(DbContextOptions<PostgresGazetteDb> options) : GazetteDb(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteGazetteDb</c> build the context without starting the site.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGazetteDb>
{
    public SqliteGazetteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGazetteDb>().UseSqlite("Data Source=design.db")
            .UseApplicationServiceProvider(DesignTimeServices.Instance).Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGazetteDb>
{
    public PostgresGazetteDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGazetteDb>().UseNpgsql("Host=localhost;Database=gazette_design")
            .UseApplicationServiceProvider(DesignTimeServices.Instance).Options);
}

/// <summary>
/// Identity shapes its tables from the application's <see cref="IdentityOptions"/> (schema version 3 adds passkeys);
/// migrations must see the same options as the running site, or the two models differ.
/// </summary>
internal static class DesignTimeServices
{
    public static readonly IServiceProvider Instance = new ServiceCollection()
        .Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
