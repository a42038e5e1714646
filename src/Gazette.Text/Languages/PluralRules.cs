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
/// A CLDR plural rule for whole numbers: the categories a language distinguishes (one string per category is
/// needed) and which one a count's size takes. The rules are few, so languages share them by name.
/// </summary>
public sealed record PluralRule(IReadOnlyList<PluralCategory> Categories, Func<long, PluralCategory> CategoryOfSize)
{
    /// <summary>"one" for 1, "other" for the rest (English, German, Dutch, Spanish, Italian, pt-PT…).</summary>
    public static readonly PluralRule OneOnly = new([PluralCategory.One, PluralCategory.Other],
        n => n == 1 ? PluralCategory.One : PluralCategory.Other);

    /// <summary>0 is singular too: French (i = 0,1) and Portuguese (i = 0..1).</summary>
    public static readonly PluralRule ZeroAndOne = new([PluralCategory.One, PluralCategory.Other],
        n => n is 0 or 1 ? PluralCategory.One : PluralCategory.Other);

    /// <summary>Arabic's six forms, chosen by the last two digits beyond 2.</summary>
    public static readonly PluralRule Arabic = new(
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        n => n switch
        {
            0 => PluralCategory.Zero,
            1 => PluralCategory.One,
            2 => PluralCategory.Two,
            _ when n % 100 is >= 3 and <= 10 => PluralCategory.Few,
            _ when n % 100 is >= 11 and <= 99 => PluralCategory.Many,
            _ => PluralCategory.Other,
        });
}

/// <summary>
/// Which grammatical form a language gives a whole-number count, after its rule in <see cref="LanguageRegistry"/>;
/// a language the registry does not know says "one" for 1 and "other" for the rest.
/// </summary>
public static class PluralRules
{
    /// <summary>The categories <paramref name="language"/> distinguishes: one string per category is needed.</summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(string? language) => LanguageRegistry.PluralRuleOf(language).Categories;

    public static PluralCategory CategoryOf(string? language, long count)
    {
        var n = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        return LanguageRegistry.PluralRuleOf(language).CategoryOfSize(n);
    }
}
