using System.Buffers.Binary;
using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.OutputCaching;

using StackExchange.Redis;

namespace Gazette.Caching;

/// <summary>
/// The output cache shared by every node through Redis (<c>ConnectionStrings:Redis</c>), in front of which each node
/// keeps its <see cref="LocalOutputCacheStore"/>. Redis is a help, never a dependency: while it is away (or slower
/// than <see cref="OperationTimeout"/>) reads fall back to the local tier and writes and evictions go there only,
/// without throwing or waiting; the connection comes back by itself.
/// </summary>
/// <remarks>
/// Evictions delete the tag's entries in Redis and are published on a Redis channel, so every node drops them
/// from its local tier too. An eviction made while a node could not reach Redis is lost to Redis, so every node that
/// reconnects moves the whole store to a new generation (a key prefix), orphaning what Redis held (it expires on its
/// own), and every node clears its local tier when it hears of the new generation or loses its connection.
/// </remarks>
public sealed partial class RedisOutputCacheStore : IOutputCacheStore, IAsyncDisposable
{
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMilliseconds(500);
    /// <summary>Start of every key and of the channel: <c>Gazette:RedisPrefix</c>, so several sites can share one Redis.</summary>
    private readonly string prefix;
    private readonly string generationKey;
    private readonly RedisChannel channel;

    // Sets the entry with its expiry and adds it to each tag's set, which lives as long as its longest entry.
    private const string SetScript = """
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        for i = 2, #KEYS do
          redis.call('SADD', KEYS[i], KEYS[1])
          if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
        end
        """;

    private const string EvictScript = """
        local keys = redis.call('SMEMBERS', KEYS[1])
        for i = 1, #keys do redis.call('DEL', keys[i]) end
        redis.call('DEL', KEYS[1])
        return #keys
        """;

    // The new generation is above both Redis's and this node's: a Redis restarted empty forgot its counter.
    private const string NextGenerationScript = """
        local g = tonumber(redis.call('GET', KEYS[1]) or '0')
        local mine = tonumber(ARGV[1])
        if mine > g then g = mine end
        g = g + 1
        redis.call('SET', KEYS[1], g)
        return g
        """;

    private readonly LocalOutputCacheStore local;
    private readonly ILogger<RedisOutputCacheStore> logger;
    private readonly Task<ConnectionMultiplexer> connecting;
    private long generation = -1;
    private long lastWarning;

    public RedisOutputCacheStore(string configuration, string keyPrefix, LocalOutputCacheStore local, ILogger<RedisOutputCacheStore> logger)
    {
        prefix = keyPrefix + "output:";
        generationKey = prefix + "generation";
        channel = RedisChannel.Literal(prefix + "events");
        this.local = local;
        this.logger = logger;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = (int)OperationTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)OperationTimeout.TotalMilliseconds;
        // Fail at once while disconnected instead of queueing behind the reconnection: a reader never waits for Redis.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "gazette-" + Environment.MachineName;
        connecting = ConnectAsync(options);
        connecting.ContinueWith(failed => LogUnusable(logger, failed.Exception!), TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>True while the shared tier answers; false means this node serves from its local tier alone.</summary>
    public bool IsConnected => connecting.IsCompletedSuccessfully && connecting.Result.IsConnected && Interlocked.Read(ref generation) >= 0;

    private async Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions options)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(options);
        redis.ConnectionFailed += (_, failure) =>
        {
            // Either link lost: evictions published meanwhile may never arrive, so the local tier starts empty.
            LogConnectionLost(logger, failure.EndPoint?.ToString(), failure.FailureType.ToString());
            local.Clear();
        };
        redis.ConnectionRestored += (_, restored) =>
        {
            if (restored.ConnectionType == ConnectionType.Interactive)
                _ = Task.Run(() => StartNewGenerationAsync(redis));
        };
        if (redis.IsConnected && await TrySubscribeAsync(redis))
            await LoadGenerationAsync(redis);
        return redis;
    }

    private int subscribed;

    /// <summary>Subscribes once; the client renews the subscription by itself after reconnecting.</summary>
    private async Task<bool> TrySubscribeAsync(ConnectionMultiplexer redis)
    {
        if (Volatile.Read(ref subscribed) == 1)
            return true;
        try
        {
            await redis.GetSubscriber().SubscribeAsync(channel, (_, message) => OnMessage(message));
            Volatile.Write(ref subscribed, 1);
            return true;
        }
        catch (RedisException exception)
        {
            Warn(exception);
            return false;
        }
    }

    private async Task LoadGenerationAsync(ConnectionMultiplexer redis)
    {
        try
        {
            var stored = await redis.GetDatabase().StringGetAsync(generationKey);
            RaiseGeneration(stored.TryParse(out long value) ? value : 0);
        }
        catch (RedisException exception)
        {
            Warn(exception);
        }
    }

    private async Task StartNewGenerationAsync(ConnectionMultiplexer redis)
    {
        if (!await TrySubscribeAsync(redis))
            return;
        try
        {
            var result = await redis.GetDatabase().ScriptEvaluateAsync(NextGenerationScript, [generationKey],
                [Math.Max(0, Interlocked.Read(ref generation))]);
            var next = (long)result;
            local.Clear();
            RaiseGeneration(next);
            await redis.GetSubscriber().PublishAsync(channel, "generation " + next.ToString(CultureInfo.InvariantCulture));
            LogNewGeneration(logger, next);
        }
        catch (RedisException exception)
        {
            Warn(exception);
        }
    }

    private void OnMessage(RedisValue message)
    {
        var text = (string?)message ?? "";
        if (text.StartsWith("evict ", StringComparison.Ordinal))
            local.EvictByTag(text["evict ".Length..]);
        else if (text.StartsWith("generation ", StringComparison.Ordinal)
                 && long.TryParse(text.AsSpan("generation ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var next)
                 && next > Interlocked.Read(ref generation))
        {
            local.Clear();
            RaiseGeneration(next);
        }
    }

    private void RaiseGeneration(long value)
    {
        var seen = Interlocked.Read(ref generation);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref generation, value, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }

    private string EntryKey(string key) => $"{prefix}{Interlocked.Read(ref generation)}:e:{key}";

    private string TagKey(string tag) => $"{prefix}{Interlocked.Read(ref generation)}:t:{tag}";

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (await local.GetAsync(key, cancellationToken) is { } hit)
            return hit;
        if (!IsConnected)
            return null;
        try
        {
            var found = await connecting.Result.GetDatabase().StringGetWithExpiryAsync(EntryKey(key));
            if (found.Value.IsNull || found.Expiry is not { } remaining || (byte[]?)found.Value is not { } stored)
                return null;
            var (tags, value) = Unpack(stored);
            local.Set(key, value, tags, remaining);
            return value;
        }
        catch (RedisException exception)
        {
            Warn(exception);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        local.Set(key, value, tags, validFor);
        if (!IsConnected || validFor <= TimeSpan.Zero)
            return;
        try
        {
            RedisKey[] keys = [EntryKey(key), .. (tags ?? []).Select(tag => (RedisKey)TagKey(tag))];
            await connecting.Result.GetDatabase().ScriptEvaluateAsync(SetScript, keys,
                [Pack(tags, value), (long)Math.Ceiling(validFor.TotalMilliseconds)]);
        }
        catch (RedisException exception)
        {
            Warn(exception);
        }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        local.EvictByTag(tag);
        if (!IsConnected)
            return;
        try
        {
            var redis = connecting.Result;
            await redis.GetDatabase().ScriptEvaluateAsync(EvictScript, [TagKey(tag)]);
            await redis.GetSubscriber().PublishAsync(channel, "evict " + tag);
        }
        catch (RedisException exception)
        {
            Warn(exception);
        }
    }

    /// <summary>An entry in Redis carries its tags, so a node that reads it can file it under them locally.</summary>
    private static byte[] Pack(string[]? tags, byte[] value)
    {
        var header = Encoding.UTF8.GetBytes(string.Join('\n', tags ?? []));
        var packed = new byte[4 + header.Length + value.Length];
        BinaryPrimitives.WriteInt32LittleEndian(packed, header.Length);
        header.CopyTo(packed, 4);
        value.CopyTo(packed, 4 + header.Length);
        return packed;
    }

    private static (string[] Tags, byte[] Value) Unpack(byte[] packed)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(packed);
        var header = Encoding.UTF8.GetString(packed, 4, length);
        return (header.Length == 0 ? [] : header.Split('\n'), packed[(4 + length)..]);
    }

    /// <summary>One warning a minute at most: with Redis away, every request would log one.</summary>
    private void Warn(Exception exception)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref lastWarning);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref lastWarning, now, last) == last)
            LogUnavailable(logger, exception);
    }

    public async ValueTask DisposeAsync()
    {
        if (connecting.IsCompletedSuccessfully)
            await connecting.Result.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer; serving from this node's memory until it does.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to Redis at {EndPoint} ({Failure}); serving from this node's memory.")]
    private static partial void LogConnectionLost(ILogger logger, string? endPoint, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "ConnectionStrings:Redis cannot be used; the output cache stays in this node's memory.")]
    private static partial void LogUnusable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: the output cache starts afresh as generation {Generation}.")]
    private static partial void LogNewGeneration(ILogger logger, long generation);
}
