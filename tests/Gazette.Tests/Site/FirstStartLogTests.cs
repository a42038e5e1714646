using System.Collections.Concurrent;

using Gazette.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gazette.Tests.Site;

/// <summary>
/// A first start on an empty database (migrations, demo content, the first key, the first page) logs no warning a
/// newcomer would have to decode: only the one that says how to create the first administrator.
/// </summary>
public sealed class FirstStartLogTests
{
    [Fact]
    public async Task A_first_start_on_sqlite_warns_only_that_no_account_exists()
    {
        await using var site = new LoggedSite("Sqlite", null);
        await AssertQuietFirstStartAsync(site);
    }

    [Fact]
    public async Task A_first_start_on_postgres_warns_only_that_no_account_exists()
    {
        await using var database = await OneOffSite.CreatePostgresDatabaseAsync();
        await using var site = new LoggedSite("Postgres", database.ConnectionString);
        await AssertQuietFirstStartAsync(site);
    }

    private static async Task AssertQuietFirstStartAsync(LoggedSite site)
    {
        await site.InitializeAsync();
        var home = await site.CreateReader().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.True((int)home.StatusCode < 400, $"GET / answered {(int)home.StatusCode}");

        var warnings = site.Log.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        var account = Assert.Single(warnings, e => e.Message.StartsWith("No newsroom account exists yet.", StringComparison.Ordinal));
        Assert.Contains("users create-admin", account.Message);
        Assert.True(warnings.Count == 1, "warnings on a first start:\n" + string.Join("\n", warnings.Select(w => $"{w.Level} {w.Category}[{w.EventId}]: {w.Message}")));
        Assert.Contains(site.Log.Entries, e => e.Message.Contains("Gazette:DataProtection:Certificate", StringComparison.Ordinal));
    }

    /// <summary>A fresh site with the demo content whose log lines are kept.</summary>
    private sealed class LoggedSite(string provider, string? connectionString) : GazetteSite
    {
        public LogCapture Log { get; } = new();

        public override string Provider => provider;

        protected override string? ConnectionString => connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Log));
        }
    }
}

/// <summary>Keeps every log line written through it, for tests that check what a site said.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message);

    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception)));
    }
}
