using System.Security.Cryptography;

using Gazette.Caching;

using Microsoft.Net.Http.Headers;

namespace Gazette.Feeds;

/// <summary>
/// Answers a GET with 304 when the client already holds the representation: by its ETag (a hash of the bytes) first,
/// else by <c>If-Modified-Since</c> against the newest change. Feeds, sitemaps and the public API share it.
/// </summary>
public static class ConditionalGet
{
    public static string ETagOf(ReadOnlySpan<byte> content) => $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";

    public static IResult Respond(HttpContext context, byte[] content, string contentType, DateTime? lastModifiedUtc, string cacheControl = PageLifetimes.Feeds)
    {
        var etag = ETagOf(content);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = cacheControl;
        DateTimeOffset? lastModified = lastModifiedUtc is { } utc
            ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond))
            : null;
        if (lastModified is { } modified)
            headers.LastModified = modified.ToString("R");
        return IsNotModified(context.Request, etag, lastModified)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(content, contentType);
    }

    private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch is { Count: > 0 } ifNoneMatch)
            return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
        return lastModified is { } modified && typed.IfModifiedSince is { } since && modified <= since;
    }
}
