using System.Globalization;
using System.Resources;

namespace Gazette.Localization;

/// <summary>
/// The interface words of a page, in the page's own language (a French story says "Lire aussi" whatever the
/// reader's browser asks for). Strings live in <c>Labels.resx</c> (English) and <c>Labels.{lang}.resx</c>.
/// </summary>
public sealed class Labels
{
    internal static readonly ResourceManager Resources = new("Gazette.Localization.Labels", typeof(Labels).Assembly);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Labels> Cache = new();

    private Labels(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    public static Labels For(string? language) => Cache.GetOrAdd(language ?? "en", static lang => new Labels(CultureFor(lang)));

    /// <summary>OpenGraph wants a specific culture with an underscore: <c>fr</c> gives <c>fr_FR</c>.</summary>
    public static string OpenGraphLocale(string? language)
    {
        var culture = CultureFor(language);
        if (culture.IsNeutralCulture)
        {
            try
            {
                culture = CultureInfo.CreateSpecificCulture(culture.Name);
            }
            catch (CultureNotFoundException)
            {
            }
        }
        return culture.Name.Replace('-', '_');
    }

    /// <summary>The culture a language tag is displayed in; unknown or malformed tags fall back to English.</summary>
    public static CultureInfo CultureFor(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
            return CultureInfo.GetCultureInfo("en");
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en");
        }
    }
}
