using System.Collections;
using System.Globalization;
using System.Resources;

using Gazette.Localization;

namespace Gazette.Tests.Localization;

public class LabelsTests
{
    private static HashSet<string> KeysOf(string culture)
    {
        var set = Labels.Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();
    }

    [Theory]
    [InlineData("fr")]
    public void Every_interface_string_exists_in_every_language(string culture)
    {
        var english = KeysOf("");
        var translated = KeysOf(culture);

        Assert.Empty(english.Except(translated));
        Assert.Empty(translated.Except(english));
    }

    [Theory]
    [InlineData("fr", "ReadAlso", "Lire aussi")]
    [InlineData("fr", "Share", "Partager")]
    [InlineData("fr", "By", "Par")]
    [InlineData("en", "ReadAlso", "Read also")]
    [InlineData("fr-CA", "Share", "Partager")]
    [InlineData("de", "Share", "Share")]
    [InlineData("not a tag!", "Share", "Share")]
    public void A_page_language_picks_its_labels_and_falls_back_to_english(string language, string key, string expected) =>
        Assert.Equal(expected, Labels.For(language)[key]);

    [Fact]
    public void Opengraph_locales_are_specific_cultures() =>
        Assert.Equal("fr_FR", Labels.OpenGraphLocale("fr"));
}
