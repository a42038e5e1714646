using System.Globalization;
using System.Resources;

using Gazette.Text.Languages;

namespace Gazette.Localization;

/// <summary>
/// The newsroom's interface words (admin pages, account pages, staff e-mails) in the member's own language, not
/// the story's: <see cref="Current"/> follows the request culture set by <see cref="NewsroomCulture"/>, and
/// <see cref="For"/> serves a mail to someone who is not the one making the request. Strings live in
/// <c>Newsroom.resx</c> (English) and <c>Newsroom.{lang}.resx</c>; a count's forms are keys named <c>Key_one</c>,
/// <c>Key_other</c>… (see <see cref="Plural"/>).
/// </summary>
public sealed class NewsroomLabels
{
    /// <summary>The interface languages (<see cref="LanguageRegistry"/>), English first (the fallback).</summary>
    public static IReadOnlyList<string> Languages => LanguageRegistry.InterfaceLanguages;

    internal static readonly ResourceManager Resources = new("Gazette.Localization.Newsroom", typeof(NewsroomLabels).Assembly);

    private readonly CultureInfo? culture;

    private NewsroomLabels(CultureInfo? culture) => this.culture = culture;

    /// <summary>The labels in the request's interface language (CurrentUICulture).</summary>
    public static NewsroomLabels Current { get; } = new(null);

    public static NewsroomLabels For(string? language) => new(CultureInfo.GetCultureInfo(Supported(language) ?? LanguageRegistry.FallbackCode));

    public CultureInfo Culture => culture ?? CultureInfo.CurrentUICulture;

    public bool IsRightToLeft => LanguageRegistry.IsRightToLeft(Culture.Name);

    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>
    /// A count in the grammatical form the language gives it, after the CLDR plural rules (Arabic has six forms, French
    /// puts 0 with 1): <c>Plural("StoryCount", 3)</c> reads <c>StoryCount_few</c> in Arabic, <c>StoryCount_other</c> in
    /// English. The count, grouped as the culture writes numbers, is <c>{0}</c>; <paramref name="more"/> follow as <c>{1}</c>…
    /// </summary>
    public string Plural(string key, long count, params object?[] more) =>
        string.Format(Culture, PluralPattern(key, count), [count.ToString("N0", Culture), .. more]);

    /// <summary>The form alone, for a caller that writes the count itself (inside markup, say).</summary>
    public string PluralPattern(string key, long count) => PluralForms.Pattern(Resources, Culture, key, count);

    /// <summary>One of <see cref="Languages"/> for a tag like <c>fr-BE</c> or <c>NL</c>; null when none fits.</summary>
    public static string? Supported(string? language) =>
        LanguageRegistry.Find(language) is { HasInterface: true } supported ? supported.Code : null;

    /// <summary>A language's name in itself ("Français", "العربية"), so anyone can find their own in a list.</summary>
    public static string NativeName(string language)
    {
        var name = CultureInfo.GetCultureInfo(language).NativeName;
        return name.Length == 0 ? language : char.ToUpper(name[0], CultureInfo.GetCultureInfo(language)) + name[1..];
    }
}
