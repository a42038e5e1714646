using System.Globalization;
using System.Threading.RateLimiting;

using Gazette.Localization;

using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gazette.Comments;

/// <summary>
/// Floods are cut twice: per client IP by the ASP.NET Core rate limiter on the posting endpoint
/// (<see cref="CommentPostLimit"/>), and per e-mail address here, once the form has been read. Fixed windows, no queue:
/// the reader gets a page saying to wait, in the story's language.
/// </summary>
public sealed class CommentRateLimits(IOptions<CommentOptions> options) : IDisposable
{
    public const string PolicyName = "comments";

    private readonly PartitionedRateLimiter<string> byEmail = PartitionedRateLimiter.Create<string, string>(email =>
        options.Value.PostsPerEmail > 0
            ? RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.PostsPerEmail,
                Window = TimeSpan.FromHours(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    public bool TryAcquireEmail(string email)
    {
        using var lease = byEmail.AttemptAcquire(email);
        return lease.IsAcquired;
    }

    public void Dispose() => byEmail.Dispose();
}

/// <summary>The per-IP limit of comment posts (GETs are never limited), with its own "too many" page.</summary>
public sealed class CommentPostLimit(IOptions<CommentOptions> options) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, cancellationToken) =>
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var t = Labels.For(context.Request.Query["lang"].FirstOrDefault() is { Length: >= 2 and <= 35 } lang ? lang : "en");
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{encoder.Encode(t.Culture.Name)}" dir="{t.Direction}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
            <title>{encoder.Encode(t["CommentTooManyTitle"])}</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="wrap"><h1>{encoder.Encode(t["CommentTooManyTitle"])}</h1>
            <p>{encoder.Encode(t["CommentTooMany"])}</p><p><a href="/">{encoder.Encode(t["Home"])}</a></p></main></body>
            </html>
            """, cancellationToken);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var permits = options.Value.PostsPerIp;
        if (permits <= 0 || !HttpMethods.IsPost(httpContext.Request.Method))
            return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 });
    }
}
