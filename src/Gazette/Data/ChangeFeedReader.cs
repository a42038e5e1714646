using Microsoft.EntityFrameworkCore;

namespace Gazette.Data;

/// <summary>
/// Reads a follower's next batch of change-feed rows. On PostgreSQL a row with a smaller id can commit after a larger
/// one has been read: ids skipped over are watched for <see cref="GapWatch"/> and returned if they appear. One reader
/// per follower, since the ids it watches are that follower's.
/// </summary>
public sealed class ChangeFeedReader
{
    public const int BatchSize = 1000;

    private static readonly TimeSpan GapWatch = TimeSpan.FromMinutes(1);

    private readonly Dictionary<long, DateTime> gaps = [];

    /// <summary>
    /// The rows after <paramref name="last"/> (at most <see cref="BatchSize"/>) and any late row of a watched gap, in id
    /// order, with the position to continue from. A full batch means more may be waiting.
    /// </summary>
    public async Task<(List<ChangeEvent> Changes, long Newest)> ReadAsync(GazetteDb db, long last, CancellationToken cancellationToken)
    {
        var watched = gaps.Keys.ToList();
        var changes = await db.ChangeEvents.AsNoTracking()
            .Where(e => e.Id > last || watched.Contains(e.Id))
            .OrderBy(e => e.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var cutoff = DateTime.UtcNow - GapWatch;
        foreach (var (id, since) in gaps.ToList())
        {
            if (since < cutoff)
                gaps.Remove(id);
        }
        if (changes.Count == 0)
            return (changes, last);
        var newest = Math.Max(last, changes[^1].Id);
        var seen = changes.Select(c => c.Id).ToHashSet();
        foreach (var id in seen)
            gaps.Remove(id);
        // A long run of missing ids is a sequence jump, not transactions in flight.
        for (var id = last + 1; id < newest && newest - last <= BatchSize * 2; id++)
        {
            if (!seen.Contains(id))
                gaps.TryAdd(id, DateTime.UtcNow);
        }
        return (changes, newest);
    }
}
