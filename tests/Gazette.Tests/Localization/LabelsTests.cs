using Gazette.Localization;

namespace Gazette.Tests.Localization;

public class LabelsTests
{
    [Theory]
    [InlineData("fr", "ReadAlso", "Lire aussi")]
    [InlineData("fr", "Share", "Partager")]
    [InlineData("fr", "By", "Par")]
    [InlineData("en", "ReadAlso", "Read also")]
    [InlineData("fr-CA", "Share", "Partager")]
    [InlineData("de", "Share", "Teilen")]
    [InlineData("ar", "Share", "شارك")]
    [InlineData("pt", "Share", "Share")]
    [InlineData("not a tag!", "Share", "Share")]
    public void A_page_language_picks_its_labels_and_falls_back_to_english(string language, string key, string expected) =>
        Assert.Equal(expected, Labels.For(language)[key]);

    [Fact]
    public void Opengraph_locales_are_specific_cultures() =>
        Assert.Equal("fr_FR", Labels.OpenGraphLocale("fr"));
}
