using System.Globalization;

namespace Gazette.Editions;

/// <summary>Language tags as the site writes them, and languages as their own speakers name them.</summary>
public static class LanguageTags
{
    /// <summary>BCP 47 case conventions, as stories store their language: language lower, region upper (pt-BR), script title (sr-Latn).</summary>
    public static string Normalize(string tag)
    {
        var parts = tag.Trim().Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                : parts[i].Length == 4 && parts[i].All(char.IsAsciiLetter) ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant()
                : parts[i].ToLowerInvariant();
        }
        return string.Join('-', parts);
    }

    /// <summary>
    /// "Français", "Nederlands", "English": the language's name in itself, its first letter capitalised by that language's
    /// own rules (a language switcher is read by people looking for their language, not the page's).
    /// </summary>
    public static string NativeName(string tag)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(tag, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
        var name = culture.NativeName;
        if (name.Length == 0 || culture.Equals(CultureInfo.InvariantCulture))
            return tag;
        var first = char.IsSurrogate(name[0]) ? name[..2] : name[..1];
        return culture.TextInfo.ToUpper(first) + name[first.Length..];
    }
}
