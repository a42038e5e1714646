using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

using Gazette.Localization;

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
        Assert.Empty(english.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(english.Keys).Order());
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
            .Where(entry => english.TryGetValue(entry.Key, out var source) && Shape(source) != Shape(entry.Value))
            .Select(entry => $"{entry.Key}: '{english[entry.Key]}' / '{entry.Value}'")
            .ToList();
        Assert.Empty(mismatches);
    }

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
