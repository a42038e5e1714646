using Gazette.Data;
using Gazette.Tags;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Names;

/// <summary>Tags under their names in a language: a tag's own name unless it has one in that language.</summary>
public static class LocalizedTags
{
    public static async Task<IReadOnlyList<TagTranslation>> NamesAsync(GazetteDb db, IReadOnlyCollection<int> tagIds, CancellationToken cancellationToken) =>
        tagIds.Count == 0 ? [] : await db.TagTranslations.AsNoTracking().Where(n => tagIds.Contains(n.TagId)).ToListAsync(cancellationToken);

    /// <summary>A detached copy of <paramref name="tag"/> named as in <paramref name="language"/>.</summary>
    public static Tag In(Tag tag, IEnumerable<TagTranslation> names, string language) =>
        names.FirstOrDefault(n => n.TagId == tag.Id && string.Equals(n.Language, language, StringComparison.OrdinalIgnoreCase)) is { } name
            ? new Tag { Id = tag.Id, Name = name.Name, Slug = name.Slug }
            : new Tag { Id = tag.Id, Name = tag.Name, Slug = tag.Slug };
}
