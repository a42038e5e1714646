using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Npgsql;

namespace Gazette.Tests.Infrastructure;

/// <summary>
/// A site of a test's own, for what the shared sites cannot offer: a fake clock, no demo content, the background
/// scheduler off (its passes are called directly), and, for PostgreSQL, a database that several of them share.
/// </summary>
public sealed class OneOffSite(string provider, string? connectionString, TimeProvider? clock = null) : GazetteSite
{
    public override string Provider => provider;

    protected override string? ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gazette:DemoContent", "false");
        builder.UseSetting("Gazette:SchedulerInterval", "00:00:00");
        if (clock is not null)
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
    }

    /// <summary>A new empty PostgreSQL database for several one-off sites; the test is skipped when no server answers.</summary>
    public static async Task<SharedPostgresDatabase> CreatePostgresDatabaseAsync()
    {
        var server = Environment.GetEnvironmentVariable("GAZETTE_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Port=5432;Username=gazette;Password=gazette;Database=postgres";
        var name = "gazette_test_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Timeout = 5 }.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            var reason = $"PostgreSQL is not reachable ({exception.Message.Split('\n')[0]}).";
            if (Environment.GetEnvironmentVariable("GAZETTE_REQUIRE_SERVICES") == "1")
                Assert.Fail(reason);
            Assert.Skip(reason);
        }
        return new SharedPostgresDatabase(server, name);
    }
}

public sealed class SharedPostgresDatabase(string server, string name) : IAsyncDisposable
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;

    public async ValueTask DisposeAsync() => await TestDatabases.DropPostgresAsync(server, name);
}
