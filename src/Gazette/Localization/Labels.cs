using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

using Gazette.Text.Languages;

using Microsoft.AspNetCore.Html;

namespace Gazette.Localization;

/// <summary>
/// The interface words of a page, in the page's own language (a French story says "Lire aussi" whatever the
/// reader's browser asks for). Strings live in <c>Labels.resx</c> (English) and <c>Labels.{lang}.resx</c>.
/// A count takes its grammatical form from keys named <c>Key_one</c>, <c>Key_other</c>… (see <see cref="Plural"/>).
/// </summary>
public sealed partial class Labels
{
    private static readonly HtmlEncoder HtmlEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    internal static readonly ResourceManager Resources = new("Gazette.Localization.Labels", typeof(Labels).Assembly);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Labels> Cache = new();

    /// <summary>The languages the interface is translated into (<see cref="LanguageRegistry"/>); the first is the fallback.</summary>
    public static IReadOnlyList<string> Languages => LanguageRegistry.InterfaceLanguages;

    private Labels(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; }

    public bool IsRightToLeft => LanguageRegistry.IsRightToLeft(Culture.Name);

    /// <summary>The value of the HTML <c>dir</c> attribute for this language.</summary>
    public string Direction => IsRightToLeft ? "rtl" : "ltr";

    /// <summary>The <c>dir</c> of content in <paramref name="language"/>, for a story shown on a page of another language.</summary>
    public static string DirectionOf(string? language) => For(language).Direction;

    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    /// <summary>
    /// A sentence around names readers typed (a commenter's name, an address), as HTML: each name is encoded and
    /// isolated in <c>&lt;bdi&gt;</c>, so an Arabic name in an English sentence, or the reverse, cannot reorder
    /// the words around it.
    /// </summary>
    public HtmlString FormatIsolated(string key, params string[] names)
    {
        var html = Placeholder().Replace(HtmlEncoder.Encode(this[key]), match =>
            int.TryParse(match.Groups[1].ValueSpan, out var index) && index < names.Length
                ? $"<bdi>{HtmlEncoder.Encode(names[index])}</bdi>"
                : match.Value);
        return new HtmlString(html);
    }

    /// <summary>
    /// A count in words with the grammatical form the language wants: <c>Plural("CommentCount", 3)</c> reads
    /// <c>CommentCount_few</c> in Arabic ("3 تعليقات"), <c>CommentCount_other</c> in English ("3 comments").
    /// The number is written with the culture's digit grouping as <c>{0}</c>.
    /// </summary>
    public string Plural(string key, long count)
    {
        var pattern = PluralForms.Pattern(Resources, Culture, key, count);
        return string.Format(Culture, pattern, count.ToString("N0", Culture));
    }

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
            return WithLatinDigits(CultureInfo.GetCultureInfo(language));
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en");
        }
    }

    /// <summary>
    /// .NET always writes the digits 0–9, but cultures whose own digits are Arabic-Indic bring their own
    /// separators (<c>12٬345</c>), which look broken next to Latin digits. Gazette writes Arabic pages with
    /// Latin digits, as most Arabic news sites do (and as URLs, dates in search forms and pasted figures are), so
    /// such a culture gets the separators that go with them and the Gregorian calendar of the newsroom's dates.
    /// </summary>
    private static CultureInfo WithLatinDigits(CultureInfo culture)
    {
        if (culture.NumberFormat.NativeDigits is ["0", ..] && culture.Calendar is GregorianCalendar)
            return culture;
        var latin = (CultureInfo)culture.Clone();
        var numbers = latin.NumberFormat;
        numbers.NumberGroupSeparator = numbers.CurrencyGroupSeparator = numbers.PercentGroupSeparator = ",";
        numbers.NumberDecimalSeparator = numbers.CurrencyDecimalSeparator = numbers.PercentDecimalSeparator = ".";
        numbers.NativeDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        numbers.DigitSubstitution = DigitShapes.None;
        if (latin.Calendar is not GregorianCalendar)
            latin.DateTimeFormat.Calendar = new GregorianCalendar();
        return CultureInfo.ReadOnly(latin);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
