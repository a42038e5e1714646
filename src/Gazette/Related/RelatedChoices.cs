using System.Globalization;
using System.Text;

using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Related;

/// <summary>
/// The editor's pins and exclusions as the story form carries them: one story per line, given by id, public URL or
/// slug. Lines are written back as "id · headline" so the editor sees what each is; the id is what counts.
/// </summary>
public static class RelatedChoices
{
    public const int MaxPerKind = 20;

    /// <summary>Both lists as form text.</summary>
    public static async Task<(string Pinned, string Excluded)> FormatAsync(GazetteDb db, int storyId, CancellationToken cancellationToken)
    {
        var choices = await db.Set<RelatedPin>().AsNoTracking().Where(p => p.ArticleId == storyId).OrderBy(p => p.Position)
            .Join(db.Articles.IgnoreQueryFilters(), p => p.TargetId, a => a.Id, (p, a) => new { p.Kind, a.Id, a.Headline })
            .ToListAsync(cancellationToken);
        string Lines(RelatedPinKind kind) => string.Join('\n', choices.Where(c => c.Kind == kind).Select(c => $"{c.Id} · {c.Headline}"));
        return (Lines(RelatedPinKind.Pin), Lines(RelatedPinKind.Exclude));
    }

    /// <summary>The stories the text names, in order; <c>Error</c> says which line names none.</summary>
    public static async Task<(List<int> Ids, string? Error)> ResolveAsync(GazetteDb db, string? text, int storyId, CancellationToken cancellationToken)
    {
        var ids = new List<int>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var id = await FindAsync(db, line, cancellationToken);
            if (id is null)
                return (ids, Localization.NewsroomLabels.Current.Format("RelatedNoMatch", Shorten(line)));
            if (id == storyId)
                return (ids, Localization.NewsroomLabels.Current["RelatedSelf"]);
            if (!ids.Contains(id.Value))
                ids.Add(id.Value);
        }
        return ids.Count > MaxPerKind ? (ids, Localization.NewsroomLabels.Current.Format("RelatedTooMany", MaxPerKind)) : (ids, null);
    }

    /// <summary>Replaces the story's choices; true when they changed.</summary>
    public static async Task<bool> ReplaceAsync(GazetteDb db, int storyId, IReadOnlyList<int> pinned, IReadOnlyList<int> excluded,
        CancellationToken cancellationToken)
    {
        var existing = await db.Set<RelatedPin>().Where(p => p.ArticleId == storyId).ToListAsync(cancellationToken);
        var wanted = pinned.Select((id, i) => (Id: id, Kind: RelatedPinKind.Pin, Position: i))
            .Concat(excluded.Where(id => !pinned.Contains(id)).Select((id, i) => (Id: id, Kind: RelatedPinKind.Exclude, Position: i)))
            .ToList();
        if (existing.Count == wanted.Count && existing.All(p => wanted.Contains((p.TargetId, p.Kind, p.Position))))
            return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.RemoveRange(existing);
        await db.SaveChangesAsync(cancellationToken);
        db.AddRange(wanted.Select(w => new RelatedPin { ArticleId = storyId, TargetId = w.Id, Kind = w.Kind, Position = w.Position }));
        // Every node's index (and so its cached lists) learns of the change through the story's change-feed row.
        db.ChangeEvents.Add(new ChangeEvent { EntityType = nameof(Articles.Article), EntityId = storyId, Kind = ChangeKind.Updated, OccurredAt = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<int?> FindAsync(GazetteDb db, string line, CancellationToken cancellationToken)
    {
        var digits = new string(line.TakeWhile(char.IsAsciiDigit).ToArray());
        if (digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return await db.Articles.AnyAsync(a => a.Id == id, cancellationToken) ? id : null;
        // A public address ends /{lang}/{yyyy}/{mm}/{dd}/{slug}: the slug with its language is unique.
        var path = Uri.TryCreate(line, UriKind.Absolute, out var url) ? url.AbsolutePath : line.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
            return null;
        var slug = segments[^1].ToLowerInvariant();
        var language = segments.Length >= 5 ? segments[^5] : null;
        var matches = db.Articles.Where(a => a.Slug == slug);
        if (language is not null)
            matches = matches.Where(a => a.Language == language);
        var found = await matches.OrderByDescending(a => a.PublishedAt).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return found;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : new StringBuilder(text, 0, 57, 60).Append('…').ToString();
}
