using System.Threading.RateLimiting;

namespace Gazette.Accounts;

/// <summary>
/// Slows down password guessing from one address: the POSTs of the sign-in, two-factor and setup pages share a
/// fixed window per client IP (<c>Gazette:SignInRateLimit</c> per minute). Lockout protects each account; this
/// protects all of them against one client trying many.
/// </summary>
public static class SignInRateLimit
{
    private static readonly string[] LimitedPaths =
    [
        AccountsRegistration.SignInPath, AccountsRegistration.TwoFactorSignInPath, AccountsRegistration.SetupPath,
        AccountsRegistration.PasskeySignInPath,
    ];

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, GazetteOptions options)
    {
        var permits = options.SignInRateLimit;
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                permits > 0 && IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(TooManyAttemptsPage, cancellationToken);
            };
        });
        return services;
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && LimitedPaths.Any(path => request.Path.Equals(path, StringComparison.OrdinalIgnoreCase));

    private const string TooManyAttemptsPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
        <title>Too many attempts – Gazette</title><link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="/css/admin.css"></head>
        <body class="admin"><main class="wrap admin-main"><div class="form-page">
        <h1>Too many attempts</h1>
        <p>There were too many sign-in attempts from your address. Wait a minute, then <a href="/admin/sign-in">try again</a>.</p>
        </div></main></body>
        </html>
        """;
}
