using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Site;

/// <summary>
/// The site settings as every request needs them, read from the database once and kept until they change
/// (call <see cref="Invalidate"/> after saving them).
/// </summary>
public sealed class SiteContext(IServiceScopeFactory scopes)
{
    private volatile Snapshot? current;

    public sealed record Snapshot(SiteSettings Settings, TimeZoneInfo TimeZone);

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } snapshot)
            return snapshot;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        snapshot = new Snapshot(settings, FindTimeZone(settings.TimeZone));
        current = snapshot;
        return snapshot;
    }

    public void Invalidate() => current = null;

    public static TimeZoneInfo FindTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
