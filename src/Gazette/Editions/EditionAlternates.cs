using Gazette.Site;
using Gazette.Translations;

namespace Gazette.Editions;

/// <summary>The hreflang set of a page every edition has (its home, a section front): one per edition, x-default the root one.</summary>
public static class EditionAlternates
{
    public static IReadOnlyList<LanguageAlternate> Of(SiteContext.Snapshot site, Func<Edition, string> url)
    {
        var editions = Edition.LanguagesOf(site.Settings).Select(language => Edition.Find(site, language)!).ToList();
        if (editions.Count < 2)
            return [];
        return [.. editions.Select(e => new LanguageAlternate(e.Language, url(e))), new LanguageAlternate("x-default", url(editions[0]))];
    }
}
