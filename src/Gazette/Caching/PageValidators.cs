using System.Globalization;

using Gazette.Feeds;

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gazette.Caching;

/// <summary>
/// Gives the responses the cache policy covers their validators and CDN headers: an ETag (a hash of the page,
/// weak because it is computed before compression) and Last-Modified, a 304 when the reader already holds the page,
/// and, for cacheable requests, <c>Cache-Control</c> and <c>Surrogate-Key</c> (the cache tags, which the CDN purge
/// hook sends back). The body is held until the endpoint is done, since the tags are only known then; pages are
/// small, and it runs only when the page is rendered, not when the cache answers.
/// </summary>
public sealed class PageValidators(RequestDelegate next, IOptions<OutputCacheSettings> options, TimeProvider clock)
{
    public const string SurrogateKeyHeader = "Surrogate-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Items.ContainsKey(typeof(GazetteCachePolicy)) || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var headers = response.Headers;
            if (headers.ETag.Count == 0)
            {
                headers.ETag = "W/" + ConditionalGet.ETagOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                headers.LastModified = clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
            }
            if (context.Items.ContainsKey(GazetteCachePolicy.Cacheable))
                AddSharedCacheHeaders(context);
            if (IsNotModified(context.Request, headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                headers.ContentLength = null;
                return;
            }
        }
        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private void AddSharedCacheHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        var settings = options.Value;
        if (headers.CacheControl.Count == 0)
        {
            headers.CacheControl = string.Create(CultureInfo.InvariantCulture,
                $"public, max-age={(int)settings.BrowserMaxAge.TotalSeconds}, s-maxage={(int)settings.SharedMaxAge.TotalSeconds}");
            // Serving stale while revalidating is for CDNs, which the purge hook reaches; a browser doing it would show
            // a reader the page without the comment they just saw approved. CDN-Cache-Control (RFC 9213) and Fastly's
            // Surrogate-Control are read by CDNs only.
            var forCdns = string.Create(CultureInfo.InvariantCulture,
                $"max-age={(int)settings.SharedMaxAge.TotalSeconds}, stale-while-revalidate={(int)settings.StaleWhileRevalidate.TotalSeconds}");
            headers["CDN-Cache-Control"] = forCdns;
            headers["Surrogate-Control"] = forCdns;
        }
        if (context.Features.Get<IOutputCacheFeature>()?.Context.Tags is { Count: > 0 } tags)
            headers[SurrogateKeyHeader] = string.Join(' ', tags);
    }

    private static bool IsNotModified(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is not { Count: > 0 } || !EntityTagHeaderValue.TryParse(etag, out var current))
            return false;
        return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(current, useStrongComparison: false));
    }
}
