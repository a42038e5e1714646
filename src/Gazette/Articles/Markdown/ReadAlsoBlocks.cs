using System.Globalization;
using System.Net;

using Gazette.Data;
using Gazette.Localization;
using Gazette.Site;

using Microsoft.EntityFrameworkCore;

namespace Gazette.Articles.Markdown;

/// <summary>
/// Fills a stored body's read-also placeholders with the target stories' current headline and URL, labelled in the
/// page's language. A target that is missing or not public makes its block disappear.
/// </summary>
public sealed class ReadAlsoBlocks(GazetteDb db, SiteContext site, TimeProvider clock)
{
    private sealed record Target(int Id, string Headline, string Language, string Slug, DateTime? PublishedAt, DateTime CreatedAt);

    public async Task<string> ResolveAsync(string storedHtml, string language, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(storedHtml) || !storedHtml.Contains(ReadAlsoPlaceholder.Start, StringComparison.Ordinal))
            return storedHtml;

        var ids = new List<int>();
        var slugs = new List<string>();
        foreach (var value in ReadAlsoPlaceholder.Stored().Matches(storedHtml).Select(m => m.Groups[1].Value))
        {
            if (value.StartsWith(ReadAlsoPlaceholder.SlugPrefix, StringComparison.Ordinal))
                slugs.Add(value[ReadAlsoPlaceholder.SlugPrefix.Length..]);
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                ids.Add(id);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var targets = await db.Articles.AsNoTracking()
            .WherePublic(now)
            .Where(a => ids.Contains(a.Id) || slugs.Contains(a.Slug))
            .Select(a => new Target(a.Id, a.Headline, a.Language, a.Slug, a.PublishedAt, a.CreatedAt))
            .ToListAsync(cancellationToken);
        var timeZone = (await site.GetAsync(cancellationToken)).TimeZone;
        var label = WebUtility.HtmlEncode(Labels.For(language)["ReadAlso"]);

        return ReadAlsoPlaceholder.Stored().Replace(storedHtml, match =>
        {
            var target = Find(targets, match.Groups[1].Value, language);
            return target is null ? "" : Block(target, label, language, timeZone);
        });
    }

    private static Target? Find(List<Target> targets, string value, string language)
    {
        if (!value.StartsWith(ReadAlsoPlaceholder.SlugPrefix, StringComparison.Ordinal))
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? targets.Find(t => t.Id == id) : null;
        var slug = value[ReadAlsoPlaceholder.SlugPrefix.Length..];
        // Slugs are unique per language: the page's own language first, then the oldest story with that slug.
        return targets.Where(t => t.Slug == slug)
            .OrderBy(t => SameLanguage(t.Language, language) ? 0 : 1)
            .ThenBy(t => t.Id)
            .FirstOrDefault();
    }

    private static string Block(Target target, string label, string pageLanguage, TimeZoneInfo timeZone)
    {
        var href = WebUtility.HtmlEncode(Addresses.Story(target.Language, target.Slug, target.PublishedAt ?? target.CreatedAt, timeZone));
        // A headline in another language than the page's is marked so, for screen readers and search engines.
        var languageAttributes = SameLanguage(target.Language, pageLanguage)
            ? ""
            : $" hreflang=\"{WebUtility.HtmlEncode(target.Language)}\" lang=\"{WebUtility.HtmlEncode(target.Language)}\"";
        return $"<aside class=\"read-also\"><span class=\"read-also-label\">{label}</span> "
            + $"<a href=\"{href}\"{languageAttributes}>{WebUtility.HtmlEncode(target.Headline)}</a></aside>";
    }

    private static bool SameLanguage(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
