using Gazette.Text.Keyphrases;

namespace Gazette.Tests.Text;

public sealed class ExistingTagsTests
{
    [Fact]
    public void A_suggestion_matching_a_tag_by_stems_comes_out_as_the_tag()
    {
        var tags = new ExistingTags(["Garantie de sécurité", "OTAN", "Élections"], "fr");

        Assert.Equal("Garantie de sécurité", tags.Find("garanties de sécurité"));
        Assert.Equal("OTAN", tags.Find("Otan"));
        Assert.Equal("Élections", tags.Find("élection"));
        Assert.Null(tags.Find("sécurité"));
    }

    [Fact]
    public void Applying_tags_keeps_order_and_drops_duplicates()
    {
        var tags = new ExistingTags(["Bicycle lane"], "en");

        var result = tags.Apply(["bicycle lanes", "Helen Ortiz", "Bicycle Lanes"]);

        Assert.Equal(["Bicycle lane", "Helen Ortiz"], result);
    }

    [Fact]
    public void The_extractor_prefers_existing_tags()
    {
        var suggestions = new KeyphraseExtractor().Suggest(KeyphraseSamples.FrenchTitle, KeyphraseSamples.FrenchText, "fr",
            ["Garantie de sécurité", "Stoltenberg"]);

        Assert.Contains("Garantie de sécurité", suggestions);
        Assert.DoesNotContain("garanties de sécurité", suggestions);
    }
}
