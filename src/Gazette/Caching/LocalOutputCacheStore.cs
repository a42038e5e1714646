using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Gazette.Caching;

/// <summary>
/// This node's own tier of the output cache: entries in memory (bounded in bytes) with their tags, so an eviction by
/// tag finds them. <see cref="RedisOutputCacheStore"/> reads it first and falls back to it alone while Redis is away.
/// </summary>
public sealed class LocalOutputCacheStore(long sizeLimitBytes) : IOutputCacheStore, IDisposable
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });
    private readonly Dictionary<string, HashSet<string>> keysByTag = new(StringComparer.Ordinal);

    // Setting and evicting under one lock: an eviction running between an entry's insertion and its tags' would
    // leave the entry untagged, and a corrected story would stay stale until it expired.
    private readonly Lock gate = new();

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(entries.Get<byte[]>(key));

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        Set(key, value, tags, validFor);
        return ValueTask.CompletedTask;
    }

    public void Set(string key, byte[] value, IReadOnlyCollection<string>? tags, TimeSpan validFor)
    {
        if (validFor <= TimeSpan.Zero)
            return;
        lock (gate)
        {
            using (var entry = entries.CreateEntry(key))
            {
                entry.Value = value;
                entry.Size = value.Length + key.Length;
                entry.AbsoluteExpirationRelativeToNow = validFor;
                if (tags is { Count: > 0 })
                    entry.RegisterPostEvictionCallback(Untag, tags);
            }
            foreach (var tag in tags ?? [])
            {
                if (!keysByTag.TryGetValue(tag, out var keys))
                    keysByTag[tag] = keys = new HashSet<string>(StringComparer.Ordinal);
                keys.Add(key);
            }
        }
    }

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        EvictByTag(tag);
        return ValueTask.CompletedTask;
    }

    public void EvictByTag(string tag)
    {
        lock (gate)
        {
            if (!keysByTag.Remove(tag, out var keys))
                return;
            foreach (var key in keys)
                entries.Remove(key);
        }
    }

    /// <summary>Forgets every entry: after Redis comes back, what this node kept meanwhile may have missed evictions.</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            keysByTag.Clear();
        }
    }

    public int Count => entries.Count;

    private void Untag(object key, object? value, EvictionReason reason, object? state)
    {
        // A replaced entry's key now belongs to its successor, which registered its own tags.
        if (reason == EvictionReason.Replaced || state is not IReadOnlyCollection<string> tags)
            return;
        lock (gate)
        {
            // Callbacks run later on the thread pool: the key may hold a newer entry by now, tagged on its own.
            if (entries.TryGetValue(key, out _))
                return;
            foreach (var tag in tags)
            {
                if (keysByTag.TryGetValue(tag, out var keys) && keys.Remove((string)key) && keys.Count == 0)
                    keysByTag.Remove(tag);
            }
        }
    }

    public void Dispose() => entries.Dispose();
}
