using Npgsql;

namespace Gazette.Data;

public static class PostgresDatabase
{
    /// <summary>Creates the database named by the connection string when the server does not have it yet.</summary>
    public static async Task CreateIfMissingAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
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
}
