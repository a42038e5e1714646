using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;

using Gazette.Accounts;
using Gazette.Api;
using Gazette.Data;
using Gazette.Site;

using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gazette.Security;

/// <summary>
/// Gazette's own Content-Security-Policy report endpoint, for both formats browsers send: the old
/// <c>application/csp-report</c> of <c>report-uri</c> and the Reporting API's <c>application/reports+json</c> of
/// <c>report-to</c>. Each report is reduced to a count of (day, directive, blocked origin, page path), so that
/// administrators see what the policy blocks without anything that names a reader being kept.
/// </summary>
public static class CspReports
{
    public const string RateLimitPolicy = "csp-reports";

    /// <summary>A real report is well under 2 KB; a batch of a few stays far below this.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Reports in one Reporting API batch counted at most; the rest of a larger batch is ignored.</summary>
    private const int MaxReportsPerBody = 20;

    public static IServiceCollection AddCspReports(this IServiceCollection services, IConfiguration configuration)
    {
        // Reports come from any reader's browser, unauthenticated: a client that floods the endpoint is turned away
        // before the database is touched. Gazette:CspReportRateLimit per minute and address; 0 turns the limit off.
        var permits = configuration.GetValue("Gazette:CspReportRateLimit", 30);
        services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, new PerClientPolicy(permits)));
        return services;
    }

    public static IEndpointRouteBuilder MapCspReports(this IEndpointRouteBuilder app)
    {
        app.MapPost(Addresses.Templates.CspReport, ReceiveAsync).RequireRateLimiting(RateLimitPolicy).DisableAntiforgery()
            .ExcludeFromDescription();
        // Beside the rest of the admin API (same bearer tokens), for administrators only.
        app.MapGet("/api/v1/admin/csp-reports", ListForApiAsync).RequireAuthorization(ApiTokenAuthentication.Policy)
            .WithTags("Admin").WithSummary("Content-Security-Policy violations counted per day, directive, blocked origin and page (administrators)");
        return app;
    }

    public sealed record Row(DateOnly Day, string Directive, string Blocked, string PagePath, int Count);

    /// <summary>The counts of the last <paramref name="days"/> days, most frequent first: what the newsroom page and the API show.</summary>
    public static async Task<IReadOnlyList<Row>> RecentAsync(GazetteDb db, TimeProvider clock, int days, CancellationToken cancellationToken)
    {
        var since = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-days);
        var rows = await db.Set<CspViolationCount>().AsNoTracking().Where(c => c.Day > since)
            .Select(c => new Row(c.Day, c.Directive, c.Blocked, c.PagePath, c.Count)).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Count).ThenByDescending(r => r.Day).ThenBy(r => r.Directive, StringComparer.Ordinal).ThenBy(r => r.PagePath, StringComparer.Ordinal)];
    }

    private static async Task<IResult> ListForApiAsync(HttpContext http, GazetteDb db, TimeProvider clock, int? days, CancellationToken cancellationToken)
    {
        if (!http.User.IsInRole(Roles.Administrator))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "Only administrators see the CSP reports.");
        return Results.Ok(await RecentAsync(db, clock, Math.Clamp(days ?? 30, 1, 366), cancellationToken));
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, GazetteDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("application/csp-report" or "application/reports+json" or "application/json"))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "Send application/csp-report or application/reports+json.");

        // Read no more than the limit, whatever Content-Length said (or did not say: a chunked body has none).
        var body = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            body.Write(buffer, 0, read);
        }

        List<Violation> violations;
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            violations = Read(json.RootElement);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body is not JSON.");
        }
        if (violations.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The body holds no CSP violation report.");

        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var violation in violations)
            await CountAsync(db, day, violation, cancellationToken);
        return Results.NoContent();
    }

    private sealed record Violation(string Directive, string Blocked, string PagePath);

    /// <summary>The violations a body reports, in either format; an unknown shape yields none.</summary>
    private static List<Violation> Read(JsonElement root)
    {
        var found = new List<Violation>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("csp-report", out var old) && old.ValueKind == JsonValueKind.Object)
        {
            found.Add(Reduce(Text(old, "effective-directive") ?? Text(old, "violated-directive"), Text(old, "blocked-uri"), Text(old, "document-uri")));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var report in root.EnumerateArray().Take(MaxReportsPerBody))
            {
                if (report.ValueKind != JsonValueKind.Object || Text(report, "type") != "csp-violation"
                    || !report.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
                    continue;
                found.Add(Reduce(Text(body, "effectiveDirective"), Text(body, "blockedURL"), Text(body, "documentURL") ?? Text(report, "url")));
            }
        }
        return found;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Violation Reduce(string? directive, string? blocked, string? page) =>
        new(ReduceDirective(directive), ReduceBlocked(blocked), ReducePage(page));

    /// <summary>The directive's name alone (<c>script-src-elem</c>), without the sources an old browser appends.</summary>
    internal static string ReduceDirective(string? directive)
    {
        var name = (directive ?? "").Trim().Split(' ', 2)[0].ToLowerInvariant();
        return name.Length is > 0 and <= CspViolationCount.MaxDirectiveLength && name.All(c => c is (>= 'a' and <= 'z') or '-')
            ? name : "unknown";
    }

    /// <summary>
    /// What was blocked, without what could name someone: an http(s) URL becomes its origin, another URL its scheme
    /// (<c>data:</c>, <c>blob:</c>), and the browsers' keywords (<c>inline</c>, <c>eval</c>…) stay as they are.
    /// </summary>
    internal static string ReduceBlocked(string? blocked)
    {
        var text = (blocked ?? "").Trim();
        if (text.Length == 0)
            return "none";
        if (text is "inline" or "eval" or "self" or "wasm-eval" or "trusted-types-policy" or "trusted-types-sink")
            return text;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme is "http" or "https" or "ws" or "wss")
            {
                var origin = uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
                return origin.Length <= CspViolationCount.MaxBlockedLength ? origin : uri.Scheme + ":";
            }
            return uri.Scheme.Length < 20 ? uri.Scheme.ToLowerInvariant() + ":" : "other";
        }
        return "other";
    }

    /// <summary>The page's path without query or fragment (where tokens and searches live), cut to the column's length.</summary>
    internal static string ReducePage(string? page)
    {
        if (!Uri.TryCreate(page ?? "", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "unknown";
        var path = uri.AbsolutePath;
        return path.Length <= CspViolationCount.MaxPagePathLength ? path : path[..CspViolationCount.MaxPagePathLength];
    }

    /// <summary>Adds one to the day's row, in one statement, so that browsers reporting at once do not lose counts.</summary>
    private static async Task CountAsync(GazetteDb db, DateOnly day, Violation violation, CancellationToken cancellationToken)
    {
        var counts = db.Set<CspViolationCount>();
        for (var attempt = 0; ; attempt++)
        {
            var updated = await counts
                .Where(c => c.Day == day && c.Directive == violation.Directive && c.Blocked == violation.Blocked && c.PagePath == violation.PagePath)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
            if (updated > 0)
                return;
            var row = new CspViolationCount { Day = day, Directive = violation.Directive, Blocked = violation.Blocked, PagePath = violation.PagePath, Count = 1 };
            counts.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another report made the row first (unique index): add to it instead.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    /// <summary>A fixed window per client address, with an answer of its own rather than the sign-in page's.</summary>
    private sealed class PerClientPolicy(int permits) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (rejected, _) =>
        {
            var response = rejected.HttpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) => permits > 0
            ? RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");
    }
}
