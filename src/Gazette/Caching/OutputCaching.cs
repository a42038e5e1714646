using System.IO.Compression;

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace Gazette.Caching;

/// <summary>Settings of the output cache (<c>Gazette:OutputCache</c>).</summary>
public sealed class OutputCacheSettings
{
    public const string SectionName = "Gazette:OutputCache";

    /// <summary>Off for benchmarks of the uncached path, or to rule the cache out while investigating.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a page is kept. Eviction from the change feed is what keeps pages current; this bound only ages out
    /// what depends on the clock alone (a comment thread closing, the form's signed token expiring after 4 hours).
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Search results follow the search index, which trails the database by a poll: kept briefly.</summary>
    public TimeSpan SearchDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the change feed is read for evictions.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>max-age</c> for browsers, which cannot be told to forget: none by default, so a reader's browser asks again
    /// each time and gets a 304 from the output cache when nothing changed.
    /// </summary>
    public TimeSpan BrowserMaxAge { get; set; } = TimeSpan.Zero;

    /// <summary><c>s-maxage</c> for CDNs and proxies, which the purge hook can reach.</summary>
    public TimeSpan SharedMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan StaleWhileRevalidate { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The output cache of anonymous public pages, feeds, sitemaps, oEmbed and the content API, and the compression in
/// front of the application. The cache sits outside compression, so each page is compressed once per encoding and
/// stored compressed; the page validators (ETag) sit inside, so a stored page carries its ETag and the cache itself
/// answers 304s.
/// </summary>
public static class OutputCaching
{
    /// <summary>Public pages: only <c>?page=</c> is varied on; any other query string is served uncached.</summary>
    public const string Pages = "gazette-pages";

    /// <summary>The search page, varied on its criteria, kept for <see cref="OutputCacheSettings.SearchDuration"/>.</summary>
    public const string Search = "gazette-search";

    /// <summary>Feeds, sitemaps, oEmbed and the content API: varied on every query parameter.</summary>
    public const string Machines = "gazette-machines";

    public static IServiceCollection AddGazetteOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(OutputCacheSettings.SectionName).Get<OutputCacheSettings>() ?? new OutputCacheSettings();
        services.Configure<OutputCacheSettings>(configuration.GetSection(OutputCacheSettings.SectionName));
        services.AddOutputCache(cache =>
        {
            cache.DefaultExpirationTimeSpan = settings.Duration;
            // Compressed pages are a few kilobytes: this holds thousands of them.
            cache.SizeLimit = 64 * 1024 * 1024;
            cache.AddPolicy(Pages, new GazetteCachePolicy(settings, settings.Duration, ["page"]));
            cache.AddPolicy(Search, new GazetteCachePolicy(settings, settings.SearchDuration, ["q", "section", "tag", "author", "lang", "from", "to", "sort", "page"], CacheTags.Lists, CacheTags.SearchResults));
            cache.AddPolicy(Machines, new GazetteCachePolicy(settings, settings.Duration, null, CacheTags.Lists));
        });
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/problem+json", "image/svg+xml"]);
        });
        // Each cached page is compressed once, so the better ratio is worth it; uncached pages pay it on every request.
        var level = settings.Enabled ? CompressionLevel.Optimal : CompressionLevel.Fastest;
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = level);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = level);
        services.AddSingleton<CacheEviction>();
        services.AddHostedService(provider => provider.GetRequiredService<CacheEviction>());
        return services;
    }

    /// <summary>Call after static assets (they carry their own precompressed files and headers) and before the endpoints.</summary>
    public static IApplicationBuilder UseGazetteOutputCache(this IApplicationBuilder app)
    {
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseMiddleware<PageValidators>();
        return app;
    }

    /// <summary>Tags the response being cached, so that a change to what it shows evicts it; no effect when uncached.</summary>
    public static void TagResponse(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is not { EnableOutputCaching: true } cache)
            return;
        foreach (var tag in tags)
            cache.Tags.Add(tag);
    }
}
