using Gazette.Data;
using Gazette.Names;
using Gazette.Sections;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Site;

/// <summary>
/// The site settings as every request needs them, read from the database once and kept until they change
/// and the sections for navigation (call <see cref="Invalidate"/> after changing either).
/// </summary>
public sealed class SiteContext(IServiceScopeFactory scopes)
{
    private volatile Snapshot? current;

    public sealed record Snapshot(SiteSettings Settings, TimeZoneInfo TimeZone, IReadOnlyList<Section> Sections)
    {
        /// <summary>The sections' names in the other editions' languages.</summary>
        public IReadOnlyList<SectionTranslation> SectionNames { get; init; } = [];
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } snapshot)
            return snapshot;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GazetteDb>();
        var settings = await db.SiteSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var sectionNames = await db.SectionTranslations.AsNoTracking().ToListAsync(cancellationToken);
        snapshot = new Snapshot(settings, FindTimeZone(settings.TimeZone), sections) { SectionNames = sectionNames };
        current = snapshot;
        return snapshot;
    }

    public void Invalidate() => current = null;

    public static TimeZoneInfo FindTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
