using Gazette.Text.Languages;

namespace Gazette.Text.Keyphrases;

/// <summary>
/// How many stories of a collection use each word (by stem), in one language: the newsroom's own published stories,
/// or the other stories of a file given to <c>gazette tags suggest</c>. A word most stories use ("said", "year",
/// "government") makes a weak tag however often one story repeats it; YAKE's features see one story only, so this is
/// the one thing they cannot know (the inverse document frequency of TF-IDF). Built once, then only read: adding is
/// not thread-safe.
/// </summary>
public sealed class DocumentFrequencies(string language)
{
    /// <summary>Below this many stories the counts say little, and the collection is not used.</summary>
    public const int MinimumDocuments = 20;

    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    public string Language { get; } = language;
    public int Documents { get; private set; }

    /// <summary>The distinct content stems of a story, as the extractor sees them.</summary>
    public static List<string> StemsOf(string? title, string? text, string language)
    {
        var rules = KeyphraseLanguage.For(language) ?? KeyphraseLanguage.English;
        return PhraseTokenizer.Tokenize(title ?? "", text ?? "", rules, Stemmers.For(rules.Code))
            .Where(t => !t.IsStop).Select(t => t.Stem).Distinct(StringComparer.Ordinal).ToList();
    }

    public void Add(string? title, string? text) => Add(StemsOf(title, text, Language));

    /// <summary>Counts one story by its distinct stems (<see cref="StemsOf"/>).</summary>
    public void Add(IReadOnlyCollection<string> stems)
    {
        Documents++;
        foreach (var stem in stems)
            counts[stem] = counts.GetValueOrDefault(stem) + 1;
    }

    /// <summary>Runs <paramref name="work"/> with one story counted by <see cref="Add(IReadOnlyCollection{string})"/>
    /// taken back out of the counts, so that the story is weighed against the others only.</summary>
    public T Without<T>(IReadOnlyCollection<string> stems, Func<T> work)
    {
        Remove(stems);
        try
        {
            return work();
        }
        finally
        {
            Add(stems);
        }
    }

    private void Remove(IReadOnlyCollection<string> stems)
    {
        Documents--;
        foreach (var stem in stems)
            if (counts.TryGetValue(stem, out var count))
                counts[stem] = count - 1;
    }

    public int Count(string stem) => counts.GetValueOrDefault(stem);

    /// <summary>
    /// Multiplies each word's YAKE weight (lower is better) by (1 + ln(N + 1)) / (1 + ln((N + 1) / (df + 1))), raised
    /// to <paramref name="exponent"/>: 1 for a word no other story uses, up to 1 + ln(N + 1) for a word every story
    /// uses.
    /// </summary>
    internal void Weigh(Dictionary<string, double> weights, double exponent)
    {
        if (Documents < MinimumDocuments || exponent <= 0)
            return;
        var stories = Documents + 1.0;
        var most = 1 + Math.Log(stories);
        foreach (var stem in weights.Keys.ToList())
            weights[stem] *= Math.Pow(most / (1 + Math.Log(stories / (Count(stem) + 1.0))), exponent);
    }
}
