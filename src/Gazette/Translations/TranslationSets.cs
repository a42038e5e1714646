using Gazette.Articles;
using Gazette.Data;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Translations;

/// <summary>One translation of a page: its language (or <c>x-default</c>) and its absolute URL.</summary>
public sealed record LanguageAlternate(string HrefLang, string Url);

/// <summary>
/// The public translations of stories, linked by their <see cref="Article.TranslationGroup"/>. A group announces
/// alternates only once it has two public stories; x-default is the one in the site's default language, or else
/// the first published. Only the story chosen for its language announces the set (see <see cref="Alternates"/>), so every
/// set is reciprocal: each page it names names the same set back.
/// </summary>
public static class TranslationSets
{
    public sealed record Member(Guid Group, int Id, string Language, string Slug, DateTime PublishedAt);

    public static async Task<ILookup<Guid, Member>> PublicGroupsAsync(GazetteDb db, IReadOnlyCollection<Guid> groups, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        if (groups.Count == 0)
            return Array.Empty<Member>().ToLookup(m => m.Group);
        var members = await db.Articles.AsNoTracking().WherePublic(nowUtc)
            .Where(a => a.TranslationGroup != null && groups.Contains(a.TranslationGroup.Value))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new Member(a.TranslationGroup!.Value, a.Id, a.Language, a.Slug, a.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
        return members.ToLookup(m => m.Group);
    }

    /// <summary>
    /// The alternates <paramref name="pageId"/> announces: none when it is a second story in a language already taken,
    /// since the others do not name it back (hreflang sets must be reciprocal or search engines ignore them).
    /// </summary>
    public static IReadOnlyList<LanguageAlternate> Alternates(IEnumerable<Member> group, string defaultLanguage, Func<Member, string> url, int pageId)
    {
        // One story per language: a second one in the same language is not a translation of the first.
        var members = group.GroupBy(m => m.Language, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        if (members.Count < 2 || members.All(m => m.Id != pageId))
            return [];
        var fallback = members.FirstOrDefault(m => string.Equals(m.Language, defaultLanguage, StringComparison.OrdinalIgnoreCase)) ?? members[0];
        return [.. members.Select(m => new LanguageAlternate(m.Language, url(m))), new LanguageAlternate("x-default", url(fallback))];
    }
}
