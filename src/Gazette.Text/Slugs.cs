using System.Globalization;
using System.Text;

namespace Gazette.Text;

/// <summary>Turns headlines and names into stable, lower-case ASCII URL segments.</summary>
public static class Slugs
{
    public const int DefaultMaxLength = 80;

    /// <summary>
    /// "L’OTAN cherche des moyens d’officialiser…" gives "lotan-cherche-des-moyens-dofficialiser".
    /// Apostrophes (straight and typographic) join the words they sit between, as readers say them;
    /// diacritics fold to their base letter; ligatures and a few letters with no decomposition are spelled out;
    /// Arabic, Cyrillic and Greek letters are spelled in Latin (see <see cref="Transliteration"/>), so a tag or section named
    /// in those scripts gets a readable ASCII address like any other ("الاقتصاد" gives "alaqtsad", "Москва" gives "moskva");
    /// everything else separates words. The result is cut at a word boundary to at most <paramref name="maxLength"/>.
    /// </summary>
    public static string Create(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var slug = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (IsApostrophe(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var spelled = Spell(c);
            if (spelled is null)
            {
                pendingDash = slug.Length > 0;
                continue;
            }
            // A letter written with nothing in Latin (ʿayn, a hard sign) is part of its word, not a gap between two.
            if (spelled.Length == 0)
                continue;
            if (pendingDash)
                slug.Append('-');
            pendingDash = false;
            slug.Append(spelled);
        }
        return Truncate(slug.ToString(), maxLength);
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´';

    private static string? Spell(char c)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            return c.ToString();
        if (c is >= 'A' and <= 'Z')
            return char.ToLowerInvariant(c).ToString();
        return c switch
        {
            'ß' => "ss",
            'æ' or 'Æ' => "ae",
            'œ' or 'Œ' => "oe",
            'ø' or 'Ø' => "o",
            'đ' or 'Đ' or 'ð' or 'Ð' => "d",
            'ł' or 'Ł' => "l",
            'þ' or 'Þ' => "th",
            'ı' => "i",
            _ => Transliteration.Latin(char.ToLowerInvariant(c)),
        };
    }

    private static string Truncate(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
            return slug;
        var cut = slug.LastIndexOf('-', maxLength);
        return cut > 0 ? slug[..cut] : slug[..maxLength];
    }
}
