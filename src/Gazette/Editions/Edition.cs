using Gazette.Articles;
using Gazette.Names;
using Gazette.Sections;
using Gazette.Site;

namespace Gazette.Editions;

/// <summary>
/// One language edition of the site. The default language lives at the root; each other one under its language
/// (its pages' shapes are in <see cref="Site.Addresses"/>). With a single edition nothing is scoped: the root shows
/// every story whatever its language, as a one-language site always did.
/// </summary>
public sealed class Edition
{
    private readonly SiteContext.Snapshot site;

    private Edition(SiteContext.Snapshot site, string language, IReadOnlyList<string> languages)
    {
        this.site = site;
        Language = language;
        Languages = languages;
        Addresses = IsDefault ? Addresses.Root : new Addresses(this);
    }

    /// <summary>The edition's language, cased as stories store theirs (<c>fr</c>, <c>pt-BR</c>).</summary>
    public string Language { get; }

    /// <summary>Every edition's language, the default first.</summary>
    public IReadOnlyList<string> Languages { get; }

    public bool IsDefault => string.Equals(Language, site.Settings.DefaultLanguage, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the site has several editions, so lists, feeds and search keep to this one's language.</summary>
    public bool Scoped => Languages.Count > 1;

    /// <summary>Where this edition's pages are.</summary>
    public Addresses Addresses { get; }

    public IQueryable<Article> Scope(IQueryable<Article> articles)
    {
        if (!Scoped)
            return articles;
        var language = Language;
        return articles.Where(a => a.Language == language);
    }

    /// <summary>The section's name in this edition (its own name when it has none in the language).</summary>
    public string SectionName(Section section) => NameOf(section.Id)?.Name ?? section.Name;

    /// <summary>The section's slug in this edition (its own when it has none in the language).</summary>
    public string SectionSlug(Section section) => NameOf(section.Id)?.Slug ?? section.Slug;

    /// <summary>The same for a section known by its own slug only (story lists carry no section id).</summary>
    public string SectionName(string slug, string name) => site.Sections.FirstOrDefault(s => s.Slug == slug) is { } section ? SectionName(section) : name;

    public string SectionSlug(string slug) => site.Sections.FirstOrDefault(s => s.Slug == slug) is { } section ? SectionSlug(section) : slug;

    private SectionTranslation? NameOf(int sectionId) => IsDefault
        ? null
        : site.SectionNames.FirstOrDefault(n => n.SectionId == sectionId && string.Equals(n.Language, Language, StringComparison.OrdinalIgnoreCase));

    /// <summary>The editions a site publishes, the default first; each language once, cased as stories store theirs.</summary>
    public static IReadOnlyList<string> LanguagesOf(SiteSettings settings) =>
        new[] { settings.DefaultLanguage }
            .Concat(settings.EditionLanguages.Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(LanguageTags.Normalize)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static Edition Default(SiteContext.Snapshot site) => new(site, LanguageTags.Normalize(site.Settings.DefaultLanguage), LanguagesOf(site.Settings));

    /// <summary>The edition for <paramref name="language"/>, or null when the site has no such edition.</summary>
    public static Edition? Find(SiteContext.Snapshot site, string? language)
    {
        var languages = LanguagesOf(site.Settings);
        var match = languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase));
        return match is null ? null : new Edition(site, match, languages);
    }

    /// <summary>The edition a story belongs to: its language's, else the default one.</summary>
    public static Edition Of(SiteContext.Snapshot site, string storyLanguage) => Find(site, storyLanguage) ?? Default(site);

    /// <summary>The edition a page chose, for partials that also render outside public pages (the newsroom's preview).</summary>
    public static Edition? In(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) => viewData[nameof(Edition)] as Edition;

    /// <summary>The edition the layout and shared partials render for (the default one when a page set none).</summary>
    public static Edition Current(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData) =>
        viewData[nameof(Edition)] as Edition
        ?? (viewData["Site"] is SiteContext.Snapshot site ? Default(site) : throw new InvalidOperationException("The page loaded no site settings."));
}
