using Gazette.Text.Keyphrases;

namespace Gazette.Tests.Text;

public sealed class DocumentFrequenciesTests
{
    private static readonly KeyphraseExtractor Extractor = new();

    internal const string Title = "Council votes to restore the old lighthouse";

    internal const string Text = """
        The council voted on Tuesday to restore the old lighthouse on the northern cape. The council said the work would
        start in May. Council members argued for an hour about the cost, and the council agreed to pay half. The
        lighthouse has been closed since a storm damaged its lantern.
        """;

    /// <summary>Other stories that all speak of the council, as a town's news does, and never of lighthouses.</summary>
    internal static IEnumerable<(string Title, string Text)> TownArticles(int count = 30)
    {
        string[] topics = ["parking fees", "school meals", "bus routes", "street lights", "library hours", "market stalls"];
        return Enumerable.Range(0, count).Select(i => ($"Council debates {topics[i % topics.Length]}",
            $"The council met again to discuss {topics[i % topics.Length]}. Council members will vote next week, the council said."));
    }

    private static DocumentFrequencies TownNews(string language = "en", int stories = 30)
    {
        var counts = new DocumentFrequencies(language);
        foreach (var (title, text) in TownArticles(stories))
            counts.Add(title, text);
        return counts;
    }

    [Fact]
    public void A_word_every_other_story_uses_falls_behind_the_word_that_makes_this_story()
    {
        var alone = Extractor.Extract(Title, Text, "en");
        var inCollection = Extractor.Extract(Title, Text, "en", collection: TownNews());

        Assert.True(Rank(alone, "council") < Rank(alone, "lighthouse"), string.Join(" | ", alone));
        Assert.True(Rank(inCollection, "lighthouse") < Rank(inCollection, "council"), string.Join(" | ", inCollection));
    }

    [Fact]
    public void A_collection_too_small_to_tell_changes_nothing()
    {
        var small = TownNews(stories: DocumentFrequencies.MinimumDocuments - 1);

        Assert.Equal(Extractor.Extract(Title, Text, "en"), Extractor.Extract(Title, Text, "en", collection: small));
    }

    [Fact]
    public void A_collection_in_another_language_is_not_used()
    {
        Assert.Equal(Extractor.Extract(Title, Text, "en"), Extractor.Extract(Title, Text, "en", collection: TownNews("fr")));
    }

    [Fact]
    public void Counts_each_story_once_per_stem_and_can_leave_one_story_out()
    {
        var counts = new DocumentFrequencies("en");
        var stems = DocumentFrequencies.StemsOf("Lighthouses", "The lighthouse and its lighthouses.", "en");
        counts.Add(stems);
        counts.Add("Harbour news", "The harbour reopened.");

        Assert.Equal(["lighthous"], stems);
        Assert.Equal(2, counts.Documents);
        Assert.Equal(1, counts.Count("lighthous"));
        Assert.Equal(1, counts.Count("harbour"));

        var (documents, lighthouses) = counts.Without(stems, () => (counts.Documents, counts.Count("lighthous")));

        Assert.Equal(1, documents);
        Assert.Equal(0, lighthouses);
        Assert.Equal(2, counts.Documents);
        Assert.Equal(1, counts.Count("lighthous"));
    }

    private static int Rank(IReadOnlyList<string> keyphrases, string word)
    {
        var index = keyphrases.ToList().FindIndex(k => k.Equals(word, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
