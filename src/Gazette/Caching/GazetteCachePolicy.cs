using Microsoft.AspNetCore.OutputCaching;

namespace Gazette.Caching;

/// <summary>
/// Decides whether a request may be answered from, and stored in, the output cache: anonymous GET and HEAD requests
/// only, with no query parameter other than those the page varies on. Anything per-reader (a sign-in cookie, an API
/// token, <c>?replyTo=</c>, <c>?comment=held</c>) goes to the application, uncached.
/// </summary>
/// <param name="tags">Tags of every response under this policy, for endpoints that do not tag their own.</param>
public sealed class GazetteCachePolicy(OutputCacheSettings settings, TimeSpan duration, string[]? queryKeys, params string[] tags) : IOutputCachePolicy
{
    /// <summary>The sign-in cookie's name (Accounts/AccountsRegistration.cs).</summary>
    public const string AuthCookie = "gazette.auth";

    /// <summary>The tag every cached response carries, evicted when site settings change.</summary>
    public const string AllTag = "all";

    /// <summary>Set in <see cref="HttpContext.Items"/> when the request is cacheable: the page validators then add the CDN headers.</summary>
    public static readonly object Cacheable = new();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        // The validators (ETag, 304) apply to these responses whether or not the cache may keep them.
        context.HttpContext.Items[typeof(GazetteCachePolicy)] = this;
        var cacheable = settings.Enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Cookies.ContainsKey(AuthCookie)
            && !request.Headers.ContainsKey("Authorization")
            && (queryKeys is null || request.Query.Keys.All(key => queryKeys.Contains(key, StringComparer.OrdinalIgnoreCase)));
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        // One render per page after an eviction, however many readers ask for it at that moment.
        context.AllowLocking = true;
        if (!cacheable)
            return ValueTask.CompletedTask;
        context.HttpContext.Items[Cacheable] = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = queryKeys ?? ["*"];
        context.CacheVaryByRules.VaryByValues["encoding"] = EncodingOf(request);
        context.Tags.Add(AllTag);
        context.Tags.UnionWith(tags);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        // A cookie is someone's; anything but a plain 200 (redirects, 404s, refusals) is rendered each time.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The encoding response compression will choose, as a cache key: the stored variant is the compressed one,
    /// so each page is compressed once per encoding rather than once per request.
    /// </summary>
    private static string EncodingOf(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding.ToString();
        if (accepted.Contains("br", StringComparison.OrdinalIgnoreCase))
            return "br";
        return accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip" : "identity";
    }
}
