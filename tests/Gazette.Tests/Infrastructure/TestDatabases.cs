using Npgsql;

namespace Gazette.Tests.Infrastructure;

public static class TestDatabases
{
    /// <summary>
    /// Drops a test's PostgreSQL database. A plain DROP first, because it stops an autovacuum worker by itself, where
    /// WITH (FORCE) refuses to terminate one unless the role is a superuser or in pg_signal_backend; FORCE only when a
    /// session of the test's own site is still open.
    /// </summary>
    public static async Task DropPostgresAsync(string serverConnectionString, string databaseName)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        try
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse)
        {
            await using var force = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
            await force.ExecuteNonQueryAsync();
        }
    }
}
