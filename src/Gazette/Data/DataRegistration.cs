using Microsoft.EntityFrameworkCore;

namespace Gazette.Data;

public static class DataRegistration
{
    /// <summary>Registers <see cref="GazetteDb"/> on SQLite (default, a file in the data folder) or PostgreSQL (<c>Database:Provider=Postgres</c>).</summary>
    public static IServiceCollection AddGazetteData(this IServiceCollection services, IConfiguration configuration, GazetteOptions options)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Gazette");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Gazette is empty.");
            services.AddDbContext<GazetteDb, PostgresGazetteDb>(db => db.UseNpgsql(connectionString));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(options.FullDataDirectory);
                connectionString = $"Data Source={Path.Combine(options.FullDataDirectory, "gazette.db")}";
            }
            services.AddDbContext<GazetteDb, SqliteGazetteDb>(db => db.UseSqlite(connectionString));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use Sqlite or Postgres.");
        }
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
