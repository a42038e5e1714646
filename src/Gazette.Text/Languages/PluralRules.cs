namespace Gazette.Text.Languages;

/// <summary>The CLDR plural categories a count can fall in; each language uses only some of them.</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// Which grammatical form a language gives a whole-number count, after the CLDR plural rules for integers.
/// Only the interface languages are spelled out: Arabic has six forms, French puts 0 with 1, the others (and any
/// language not listed) say "one" for 1 and "other" for the rest.
/// </summary>
public static class PluralRules
{
    private static readonly PluralCategory[] OneOther = [PluralCategory.One, PluralCategory.Other];
    private static readonly PluralCategory[] Arabic =
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other];

    /// <summary>The categories <paramref name="language"/> distinguishes: one string per category is needed.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(string? language) => PrimaryLanguage(language) == "ar" ? Arabic : OneOther;

    public static PluralCategory CategoryOf(string? language, long count)
    {
        var n = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        switch (PrimaryLanguage(language))
        {
            case "ar":
                var lastTwo = n % 100;
                return n switch
                {
                    0 => PluralCategory.Zero,
                    1 => PluralCategory.One,
                    2 => PluralCategory.Two,
                    _ when lastTwo is >= 3 and <= 10 => PluralCategory.Few,
                    _ when lastTwo is >= 11 and <= 99 => PluralCategory.Many,
                    _ => PluralCategory.Other,
                };
            case "fr":
                return n is 0 or 1 ? PluralCategory.One : PluralCategory.Other;
            default:
                return n == 1 ? PluralCategory.One : PluralCategory.Other;
        }
    }

    /// <summary>"fr-CA" and "FR" both follow French.</summary>
    private static string PrimaryLanguage(string? language)
    {
        if (string.IsNullOrEmpty(language))
            return "";
        var dash = language.IndexOfAny(['-', '_']);
        return (dash < 0 ? language : language[..dash]).ToLowerInvariant();
    }
}
