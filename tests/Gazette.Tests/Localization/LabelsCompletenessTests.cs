using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

using Gazette.Localization;
using Gazette.Text.Languages;

namespace Gazette.Tests.Localization;

/// <summary>
/// Every interface language says everything English says: the same keys, no empty value, the same placeholders.
/// A count's key comes in one form per plural category of the language (<c>CommentCount_one</c>, <c>_other</c>;
/// six in Arabic), so plural keys are compared by their stem and each language must have exactly its own forms.
/// </summary>
public sealed partial class LabelsCompletenessTests
{
    public static TheoryData<string> Translations => [.. Labels.Languages.Where(language => language != "en")];

    public static TheoryData<string> AllLanguages => [.. Labels.Languages];

    [Theory]
    [MemberData(nameof(Translations))]
    public void A_translation_has_exactly_the_english_keys(string language)
    {
        var english = EntriesOf("");
        var translated = EntriesOf(language);

        Assert.Empty(PlainKeys(english).Except(PlainKeys(translated)));
        Assert.Empty(PlainKeys(translated).Except(PlainKeys(english)));
        Assert.Equal(PluralStems(english).Order(), PluralStems(translated).Order());
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Every_count_has_one_form_per_plural_category_of_its_language(string language)
    {
        var entries = EntriesOf(language == "en" ? "" : language);
        var expected = PluralRules.CategoriesOf(language).Select(category => category.ToString().ToLowerInvariant()).Order().ToList();
        foreach (var stem in PluralStems(entries))
        {
            var forms = entries.Keys.Where(key => PluralKey().Match(key) is { Success: true } m && m.Groups[1].Value == stem)
                .Select(key => PluralKey().Match(key).Groups[2].Value).Order().ToList();
            Assert.True(expected.SequenceEqual(forms), $"{language} {stem}: has {string.Join(", ", forms)}, needs {string.Join(", ", expected)}");
        }
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void No_value_is_empty(string language)
    {
        var empty = EntriesOf(language == "en" ? "" : language).Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key);
        Assert.Empty(empty);
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Placeholders_are_those_of_english(string language)
    {
        var english = EntriesOf("");
        foreach (var (key, value) in EntriesOf(language))
        {
            if (PluralKey().Match(key) is { Success: true } plural)
            {
                // "one", "two" and "zero" may spell the number out ("تعليقان"); every other form shows it.
                var englishPlaceholders = Placeholders(english[$"{plural.Groups[1].Value}_other"]);
                var placeholders = Placeholders(value);
                if (plural.Groups[2].Value is "zero" or "one" or "two")
                    Assert.True(placeholders.IsSubsetOf(englishPlaceholders), $"{language} {key}: {value}");
                else
                    Assert.True(placeholders.SetEquals(englishPlaceholders), $"{language} {key}: {value}");
            }
            else
            {
                Assert.True(Placeholders(english[key]).SetEquals(Placeholders(value)), $"{language} {key}: «{value}» against «{english[key]}»");
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void Date_formats_are_valid_for_the_culture(string language)
    {
        var labels = Labels.For(language);
        var instant = new DateTime(2026, 3, 5, 14, 7, 0);
        foreach (var key in new[] { "DateTimeFormat", "DateFormat", "MonthFormat" })
            Assert.Contains("2026", instant.ToString(labels[key], labels.Culture));
    }

    [Fact]
    public void Arabic_strings_use_arabic_punctuation()
    {
        foreach (var (key, value) in EntriesOf("ar"))
        {
            // Strip what is not Arabic prose: addresses, examples and placeholders.
            var prose = NotProse().Replace(value, "");
            Assert.False(prose.IndexOfAny([',', ';', '?']) >= 0, $"ar {key} uses a Latin comma, semicolon or question mark: {value}");
        }
        Assert.Contains("؟", Labels.For("ar")["UnsubscribeConfirm"]);
        Assert.Contains("،", Labels.For("ar")["NotFoundText"]);
    }

    [Fact]
    public void Every_resource_file_is_a_listed_language_and_every_language_has_one()
    {
        var folder = Path.Combine(SourceTree.Root, "src", "Gazette", "Localization");
        var files = Directory.GetFiles(folder, "Labels.*.resx").Select(file => Path.GetFileName(file).Split('.')[1]).Order();
        Assert.Equal(Labels.Languages.Where(language => language != "en").Order(), files);
    }

    private static Dictionary<string, string> EntriesOf(string culture)
    {
        var set = Labels.Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!);
    }

    private static IEnumerable<string> PlainKeys(Dictionary<string, string> entries) => entries.Keys.Where(key => !PluralKey().IsMatch(key));

    private static HashSet<string> PluralStems(Dictionary<string, string> entries) =>
        entries.Keys.Select(key => PluralKey().Match(key)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();

    private static HashSet<string> Placeholders(string value) => Placeholder().Matches(value).Select(m => m.Value).ToHashSet();

    [GeneratedRegex("^(.+)_(zero|one|two|few|many|other)$")]
    private static partial Regex PluralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\S+@\S+|https?://\S*|\{\d+\}|\d")]
    private static partial Regex NotProse();
}
