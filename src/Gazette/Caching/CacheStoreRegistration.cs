using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gazette.Caching;

/// <summary>
/// Where the output cache keeps its entries: with <c>ConnectionStrings:Redis</c> set, in Redis shared by every node
/// (<see cref="RedisOutputCacheStore"/>); without it, ASP.NET Core's memory store.
/// </summary>
public static class CacheStoreRegistration
{
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
}
