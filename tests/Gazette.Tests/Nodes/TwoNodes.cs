using System.Net.Sockets;

using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

using Npgsql;

namespace Gazette.Tests.Nodes;

/// <summary>
/// Two Gazette nodes on one fresh PostgreSQL database and one Redis, each server reached through a
/// <see cref="LoopbackProxy"/> of the test's own, so a test can take either away from these two nodes only.
/// PostgreSQL is <c>GAZETTE_TEST_POSTGRES</c>'s server; Redis is <c>GAZETTE_TEST_REDIS</c> (host:port, default 127.0.0.1:6379).
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private static readonly string PostgresServer = Environment.GetEnvironmentVariable("GAZETTE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=gazette;Password=gazette;Database=postgres";

    private static readonly string RedisServer = Environment.GetEnvironmentVariable("GAZETTE_TEST_REDIS") ?? "127.0.0.1:6379";

    private readonly string databaseName = "gazette_test_" + Guid.NewGuid().ToString("N")[..12];
    private bool databaseCreated;

    public string? UnavailableReason { get; private set; }

    public LoopbackProxy Postgres { get; private set; } = null!;
    public LoopbackProxy Redis { get; private set; } = null!;
    public NodeSite A { get; private set; } = null!;
    public NodeSite B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer);
        var (redisHost, redisPort) = ParseHostPort(RedisServer);
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Timeout = 5 }.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
            databaseCreated = true;
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            UnavailableReason = $"PostgreSQL is not reachable ({exception.Message.Split('\n')[0]}); set GAZETTE_TEST_POSTGRES or run .ci/run to include the two-node tests.";
            return;
        }
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(redisHost, redisPort).WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception exception) when (exception is SocketException or TimeoutException)
        {
            UnavailableReason = $"Redis is not reachable at {RedisServer} ({exception.Message}); start redis-server, set GAZETTE_TEST_REDIS, or run .ci/run to include the two-node tests.";
            return;
        }

        Postgres = new LoopbackProxy(server.Host ?? "127.0.0.1", server.Port);
        Redis = new LoopbackProxy(redisHost, redisPort);
        // Keys of this run only: the Redis server outlives test runs and may serve other sites.
        var redisPrefix = $"gazette-test-{Guid.NewGuid():N}:";
        A = new NodeSite(NodeConnectionString("a"), $"127.0.0.1:{Redis.Port}", redisPrefix);
        B = new NodeSite(NodeConnectionString("b"), $"127.0.0.1:{Redis.Port}", redisPrefix);
        await A.InitializeAsync();
        await B.InitializeAsync();
    }

    /// <summary>Each node its own pool (an application name), both through the relay, failing fast while it is cut.</summary>
    private string NodeConnectionString(string node) => new NpgsqlConnectionStringBuilder(PostgresServer)
    {
        Host = "127.0.0.1",
        Port = Postgres.Port,
        Database = databaseName,
        ApplicationName = "gazette-node-" + node,
        Pooling = true,
        Timeout = 3,
    }.ConnectionString;

    private static (string Host, int Port) ParseHostPort(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon < 0 ? (text, 6379) : (text[..colon], int.Parse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public void SkipIfUnavailable()
    {
        if (UnavailableReason is null)
            return;
        if (Environment.GetEnvironmentVariable("GAZETTE_REQUIRE_SERVICES") == "1")
            Assert.Fail($"{UnavailableReason} (GAZETTE_REQUIRE_SERVICES=1, so this fails instead of skipping)");
        Assert.Skip(UnavailableReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (A is not null)
            await A.DisposeAsync();
        if (B is not null)
            await B.DisposeAsync();
        if (Postgres is not null)
            await Postgres.DisposeAsync();
        if (Redis is not null)
            await Redis.DisposeAsync();
        if (databaseCreated)
            await TestDatabases.DropPostgresAsync(PostgresServer, databaseName);
    }
}

/// <summary>One node: PostgreSQL and Redis through the relays, no demo stories, the scheduler off.</summary>
public sealed class NodeSite(string connectionString, string redis, string redisPrefix) : GazetteSite
{
    public override string Provider => "Postgres";

    protected override string? ConnectionString => connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gazette:DemoContent", "false");
        builder.UseSetting("Gazette:SchedulerInterval", "00:00:00");
        builder.UseSetting("ConnectionStrings:Redis", redis);
        builder.UseSetting("Gazette:RedisPrefix", redisPrefix);
    }
}
