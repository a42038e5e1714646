using Gazette.Data;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using Npgsql;

namespace Gazette.Tests.Infrastructure;

/// <summary>
/// A whole Gazette, started in memory on a fresh data folder and a fresh database, with its demo content.
/// One instance per database provider is shared by the test assembly; tests that change data make their own stories.
/// </summary>
public abstract class GazetteSite : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory;

    protected GazetteSite() : this(null)
    {
    }

    /// <summary>A site on <paramref name="dataDirectory"/> (a fresh temporary folder when null).</summary>
    protected GazetteSite(string? dataDirectory) =>
        this.dataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "gazette-tests", Guid.NewGuid().ToString("N"));

    public string DataDirectory => dataDirectory;

    /// <summary>Whether disposing the site deletes its data folder.</summary>
    protected virtual bool DeleteDataOnDispose => true;

    /// <summary>Why this site cannot run here (its database server is absent); null when it can.</summary>
    public string? UnavailableReason { get; protected set; }

    private int skipReported;

    public abstract string Provider { get; }

    protected abstract string? ConnectionString { get; }

    /// <summary>
    /// Starts the site once, before any test touches it: the factory does not guard its lazy start against
    /// test classes running in parallel, and two starts would seed the same database twice.
    /// </summary>
    public virtual ValueTask InitializeAsync()
    {
        if (UnavailableReason is null)
            _ = Server;
        return ValueTask.CompletedTask;
    }

    /// <summary>Skips the calling test with the reason when the provider's server is absent (fails under GAZETTE_REQUIRE_SERVICES=1).</summary>
    public void SkipIfUnavailable()
    {
        if (UnavailableReason is null)
            return;
        if (Environment.GetEnvironmentVariable("GAZETTE_REQUIRE_SERVICES") == "1")
            Assert.Fail($"{UnavailableReason} (GAZETTE_REQUIRE_SERVICES=1, so this fails instead of skipping)");
        // The skip reason alone shows only at normal verbosity; a warning shows in plain `dotnet test` output.
        if (Interlocked.Exchange(ref skipReported, 1) == 0)
            TestContext.Current.AddWarning($"Every {Provider} test is skipped: {UnavailableReason}");
        Assert.Skip(UnavailableReason);
    }

    /// <summary>A client that does not follow redirects, so tests see the 301s themselves.</summary>
    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Runs <paramref name="work"/> with a scoped service provider of the running site.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<GazetteDb, Task> work) =>
        WithScopeAsync(async services => { await work(services.GetRequiredService<GazetteDb>()); return 0; });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Gazette:DataDirectory", dataDirectory);
        builder.UseSetting("Database:Provider", Provider);
        // Every test signs in from the same (absent) address; the rate limit has its own tests on a site of their own.
        builder.UseSetting("Gazette:SignInRateLimit", "0");
        builder.UseSetting("Gazette:Comments:PostsPerIp", "0");
        builder.UseSetting("Gazette:Comments:PostsPerEmail", "0");
        // Webhook retries a second apart rather than half a minute, so tests see them.
        builder.UseSetting("Gazette:WebhookRetryBase", "00:00:01");
        if (ConnectionString is not null)
            builder.UseSetting("ConnectionStrings:Gazette", ConnectionString);
        // Tests run on the build output, whose static assets otherwise answer `no-cache` so edits show; published output
        // always sends the year-long immutable headers that Caching/OutputCacheTests.cs checks.
        builder.UseSetting("EnableStaticAssetsDevelopmentCaching", "true");
        // Counts the SQL commands of marked requests (Caching/QueryCountTests.cs); unmarked requests are not counted.
        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<QueryCounter>();
            services.ConfigureDbContext<SqliteGazetteDb>((provider, db) => db.AddInterceptors(provider.GetRequiredService<QueryCounter>()));
            services.ConfigureDbContext<PostgresGazetteDb>((provider, db) => db.AddInterceptors(provider.GetRequiredService<QueryCounter>()));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            if (DeleteDataOnDispose)
                Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request; the temp folder is cleaned by the OS.
        }
        GC.SuppressFinalize(this);
    }
}

public class SqliteSite : GazetteSite
{
    public override string Provider => "Sqlite";
    protected override string? ConnectionString => null;
}

/// <summary>
/// The same site on PostgreSQL: a database of its own, created on the server named by <c>GAZETTE_TEST_POSTGRES</c>
/// (default: the local server, user and password <c>gazette</c>) and dropped afterwards.
/// </summary>
public class PostgresSite : GazetteSite
{
    private static readonly string ServerConnectionString = Environment.GetEnvironmentVariable("GAZETTE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=5432;Username=gazette;Password=gazette;Database=postgres";

    private readonly string databaseName = "gazette_test_" + Guid.NewGuid().ToString("N")[..12];

    public override string Provider => "Postgres";

    protected override string? ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = databaseName, Pooling = true }.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Timeout = 5 }.ConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            UnavailableReason = $"PostgreSQL is not reachable ({exception.Message.Split('\n')[0]}); set GAZETTE_TEST_POSTGRES to a server's connection string, or run .ci/run, to include the PostgreSQL tests.";
            return;
        }
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (UnavailableReason is not null)
            return;
        await TestDatabases.DropPostgresAsync(ServerConnectionString, databaseName);
    }
}
