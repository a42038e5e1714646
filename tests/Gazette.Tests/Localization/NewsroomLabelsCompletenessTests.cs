using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

using Gazette.Localization;
using Gazette.Text.Languages;

namespace Gazette.Tests.Localization;

/// <summary>Every newsroom string exists, filled in, in every interface language, with the same placeholders and markup.</summary>
public partial class NewsroomLabelsCompletenessTests
{
    public static TheoryData<string> Translations => new(NewsroomLabels.Languages.Where(language => language != "en"));

    private static Dictionary<string, string> EntriesOf(string culture)
    {
        var set = NewsroomLabels.Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"no Newsroom resources for '{culture}'");
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "");
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void No_key_is_missing_or_extra(string language)
    {
        var english = EntriesOf("");
        var translated = EntriesOf(language);
        Assert.Empty(PlainKeys(english).Except(PlainKeys(translated)).Order());
        Assert.Empty(PlainKeys(translated).Except(PlainKeys(english)).Order());
        Assert.Equal(PluralStems(english).Order(), PluralStems(translated).Order());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    [InlineData("en")]
    public void Every_count_has_one_form_per_plural_category_of_its_language(string language)
    {
        var entries = EntriesOf(language == "en" ? "" : language);
        var expected = PluralRules.CategoriesOf(language).Select(category => category.ToString().ToLowerInvariant()).Order().ToList();
        foreach (var stem in PluralStems(entries))
        {
            var forms = entries.Keys.Select(key => PluralKey().Match(key)).Where(m => m.Success && m.Groups[1].Value == stem)
                .Select(m => m.Groups[2].Value).Order().ToList();
            Assert.True(expected.SequenceEqual(forms), $"{language} {stem}: has {string.Join(", ", forms)}, needs {string.Join(", ", expected)}");
        }
    }

    [Theory]
    [MemberData(nameof(Translations))]
    [InlineData("en")]
    public void No_value_is_empty(string language) =>
        Assert.Empty(EntriesOf(language == "en" ? "" : language).Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key));

    [Theory]
    [MemberData(nameof(Translations))]
    public void Placeholders_and_markup_match_english(string language)
    {
        var english = EntriesOf("");
        var mismatches = EntriesOf(language)
            .Where(entry => english.TryGetValue(EnglishKeyOf(entry.Key), out var source) && !ShapeFits(entry.Key, Shape(source), Shape(entry.Value)))
            .Select(entry => $"{entry.Key}: '{english[EnglishKeyOf(entry.Key)]}' / '{entry.Value}'")
            .ToList();
        Assert.Empty(mismatches);
    }

    /// <summary>A count's forms are checked against the English "other" one: every language has that form.</summary>
    private static string EnglishKeyOf(string key) => PluralKey().Match(key) is { Success: true } plural ? $"{plural.Groups[1].Value}_other" : key;

    /// <summary>"zero", "one" and "two" may spell the number out ("تعليقان") and so drop its placeholder; every other form keeps all.</summary>
    private static bool ShapeFits(string key, string english, string translated) =>
        PluralKey().Match(key) is { Success: true } plural && plural.Groups[2].Value is "zero" or "one" or "two"
            ? translated.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(english.Split(' ').Contains)
            : english == translated;

    private static IEnumerable<string> PlainKeys(Dictionary<string, string> entries) => entries.Keys.Where(key => !PluralKey().IsMatch(key));

    private static HashSet<string> PluralStems(Dictionary<string, string> entries) =>
        entries.Keys.Select(key => PluralKey().Match(key)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();

    [GeneratedRegex("^(.+)_(zero|one|two|few|many|other)$")]
    private static partial Regex PluralKey();

    [Fact]
    public void Values_that_are_format_strings_format()
    {
        foreach (var language in NewsroomLabels.Languages)
        {
            var labels = NewsroomLabels.For(language);
            foreach (var key in EntriesOf(language == "en" ? "" : language).Keys.Where(key => key.EndsWith("Format", StringComparison.Ordinal)))
                _ = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).ToString(labels[key], labels.Culture);
            foreach (var (key, value) in EntriesOf(language == "en" ? "" : language))
                _ = string.Format(CultureInfo.InvariantCulture, value, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        }
    }

    [Fact]
    public void Languages_resolve_from_tags_and_fall_back_to_english()
    {
        Assert.Equal("fr", NewsroomLabels.Supported("fr-BE"));
        Assert.Equal("ar", NewsroomLabels.Supported("AR"));
        Assert.Null(NewsroomLabels.Supported("pt-BR"));
        Assert.Equal("Tableau de bord", NewsroomLabels.For("fr")["Dashboard"]);
        Assert.Equal("Dashboard", NewsroomLabels.For("pt")["Dashboard"]);
        Assert.True(NewsroomLabels.For("ar").IsRightToLeft);
        Assert.Equal("Français", NewsroomLabels.NativeName("fr"));
    }

    /// <summary>The sorted placeholders ({0}, {1:N0}) and tags (&lt;strong&gt;) of a string.</summary>
    private static string Shape(string value) =>
        string.Join(" ", Shapes().Matches(value).Select(match => match.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}|</?[a-z]+[^>]*>")]
    private static partial Regex Shapes();
}
