using Gazette.Data;

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gazette.Caching;

/// <summary>
/// Where the output cache keeps its entries: with <c>ConnectionStrings:Redis</c> set, in Redis shared by every node
/// (<see cref="RedisOutputCacheStore"/>); without it, ASP.NET Core's memory store.
/// </summary>
public static class CacheStoreRegistration
{
    /// <summary>Tag of every page the stand-in policy below caches.</summary>
    public const string AnyPageTag = "gazette:page";

    /// <summary>Bytes of rendered responses a node keeps in its own memory in front of (or without) Redis.</summary>
    private const long LocalTierBytes = 64L * 1024 * 1024;

    public static bool UsesRedis(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

    public static IServiceCollection AddGazetteCacheStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (!UsesRedis(configuration))
            return services;
        var redis = configuration.GetConnectionString("Redis")!;
        services.AddSingleton(_ => new LocalOutputCacheStore(LocalTierBytes));
        var keyPrefix = configuration["Gazette:RedisPrefix"] is { Length: > 0 } configured ? configured : "gazette:";
        services.AddSingleton(provider => new RedisOutputCacheStore(redis, keyPrefix,
            provider.GetRequiredService<LocalOutputCacheStore>(), provider.GetRequiredService<ILogger<RedisOutputCacheStore>>()));
        // AddOutputCache only adds its memory store when none is registered; this replaces it whichever runs first.
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => provider.GetRequiredService<RedisOutputCacheStore>());
        return services;
    }

    /// <summary>
    /// Stand-in until the output-caching branch (h/cache) lands with its own policies and precise eviction: with Redis
    /// configured, anonymous GETs are cached under one tag, dropped whenever the change feed moves. Without Redis
    /// nothing is cached, so single-node behaviour is unchanged.
    /// </summary>
    public static IServiceCollection AddGazetteOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = UsesRedis(configuration);
        services.AddOutputCache(cache =>
        {
            if (enabled)
                cache.AddBasePolicy(policy => policy.Tag(AnyPageTag).Expire(TimeSpan.FromMinutes(10)));
        });
        if (enabled)
            services.AddHostedService<PageEvictionStandIn>();
        return services.AddGazetteCacheStore(configuration);
    }
}

/// <summary>Evicts every cached page when the change feed has new rows (see <see cref="CacheStoreRegistration.AddGazetteOutputCache"/>).</summary>
public sealed partial class PageEvictionStandIn(IServiceScopeFactory scopes, IOutputCacheStore store,
    Microsoft.Extensions.Options.IOptions<GazetteOptions> options, ILogger<PageEvictionStandIn> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
                var newest = await db.ChangeEvents.MaxAsync(e => (long?)e.Id, stoppingToken) ?? 0;
                if (last is not null && newest != last)
                    await store.EvictByTagAsync(CacheStoreRegistration.AnyPageTag, stoppingToken);
                last = newest;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
            }
            try
            {
                await Task.Delay(options.Value.SearchPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change feed for cache eviction; retrying.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
