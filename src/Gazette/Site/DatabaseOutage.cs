using Gazette.Caching;

using Microsoft.Data.Sqlite;

using Npgsql;

namespace Gazette.Site;

/// <summary>
/// Turns "the database cannot be reached" into a clear 503 with <c>Retry-After</c> instead of a 500: problem details
/// for the JSON APIs, the site's error page for the rest. Each write is one transaction, so a request that failed
/// this way changed nothing, and the next one after the database returns works without a restart.
/// </summary>
public static partial class DatabaseOutage
{
    public const int RetryAfterSeconds = 15;

    /// <summary>True for a failure to reach or keep talking to the database; false for the database refusing the data.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Connection refused, reset, timed out, or the server shutting down: what the driver calls transient.
                case NpgsqlException { IsTransient: true }:
                // SQLite's "database is locked" past the busy timeout: another process holds the file.
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Place early in the pipeline: after the status-code pages (which render the 503 page), before anything that reads the database.</summary>
    public static IApplicationBuilder UseDatabaseOutageResponses(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (IsOutage(exception) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage));
            LogOutage(logger, context.Request.Method, context.Request.Path.Value ?? "", exception.GetBaseException().Message);
            // Pooled connections to a server that went away are dead; without this, each would fail one more
            // request after the server returns.
            NpgsqlConnection.ClearAllPools();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = PageLifetimes.NoStore;
            if (!context.Request.Path.StartsWithSegments("/api"))
                return; // The status-code pages show the error page for 503, in the site's language and layout.
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The database is unreachable.",
                    Detail = $"Nothing was changed. Try again in {RetryAfterSeconds} seconds.",
                },
            });
        }
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unreachable ({Reason}).")]
    private static partial void LogOutage(ILogger logger, string method, string path, string reason);
}
