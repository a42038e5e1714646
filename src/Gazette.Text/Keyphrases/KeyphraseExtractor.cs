using Gazette.Text.Languages;

namespace Gazette.Text.Keyphrases;

/// <summary>
/// Suggests tags for a story: up to ten keyphrases of one to a few words, best first. Candidates are runs of words
/// between punctuation that neither start nor end with a stop-word; they are ranked with the single-document
/// features of YAKE (Campos et al. 2020: casing, position, frequency, context diversity and spread of each word)
/// plus a bonus for words of the headline, then near-duplicates are dropped.
/// </summary>
public sealed class KeyphraseExtractor
{
    public const int DefaultCount = 10;

    /// <summary>Longest phrase, in words, connectors included.</summary>
    public int MaxWords { get; init; } = 3;

    /// <summary>Score multiplier (lower is better) for a phrase that occurs in the headline.</summary>
    public double TitleFactor { get; init; } = 0.5;

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.LengthFactor"/>.</summary>
    public double? LengthFactor { get; init; }

    /// <summary>A phrase seen this many times is a set phrase and escapes the length factor.</summary>
    public int RepeatedPhrase { get; init; } = 2;

    /// <summary>Whether names (phrases whose words are all capitalized) escape the length factor.</summary>
    public bool NamesKeepLength { get; init; }

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.GraphWeight"/>.</summary>
    public double? GraphWeight { get; init; }

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.GraphPositionBias"/>.</summary>
    public double? GraphPositionBias { get; init; }

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.SkipAppositions"/>.</summary>
    public bool? SkipAppositions { get; init; }

    /// <summary>Drop a lone common word seen only once unless it follows a determiner there.</summary>
    public bool OnceNeedsDeterminer { get; init; } = true;

    /// <summary>Refuse words the text uses as verbs (<see cref="KeyphraseLanguage.VerbMarkers"/>).</summary>
    public bool VerbCues { get; init; } = true;

    /// <summary>Refuse phrases of several words that end in an adjective
    /// (<see cref="KeyphraseLanguage.AdjectiveEndings"/>): a tag is headed by a noun.</summary>
    public bool NounHeads { get; init; } = true;

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.RepeatedLengthFactor"/>.</summary>
    public double? RepeatedLengthFactor { get; init; }

    /// <summary>Show a phrase rarely used outside a repeated longer one as that longer phrase.</summary>
    public bool WholePhrases { get; init; } = true;

    /// <summary>A surname is not suggested beside the full name it ends ("Kutcher" and "Ashton Kutcher"): the full
    /// name takes its place.</summary>
    public bool OneTagPerName { get; init; } = true;

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.LoneWordsNeedDeterminer"/>.</summary>
    public bool? LoneWordsNeedDeterminer { get; init; }

    /// <summary>
    /// A phrase contained in a chosen longer one is kept only when at least this share of its occurrences stands
    /// outside the longer phrase ("Stoltenberg" alone after "Jens Stoltenberg").
    /// </summary>
    public double OwnUseShare { get; init; } = 0.3;

    /// <summary>Overrides the language's <see cref="KeyphraseLanguage.CollectionWeight"/>.</summary>
    public double? CollectionWeight { get; init; }

    /// <summary>
    /// Extracts keyphrases; <paramref name="language"/> null or empty means detect it. With a
    /// <paramref name="collection"/> of other stories in the same language (at least
    /// <see cref="DocumentFrequencies.MinimumDocuments"/>), words most of them use weigh less.
    /// </summary>
    public IReadOnlyList<string> Extract(string? title, string? text, string? language = null, int count = DefaultCount,
        DocumentFrequencies? collection = null)
    {
        title ??= "";
        text ??= "";
        var rules = KeyphraseLanguage.For(string.IsNullOrWhiteSpace(language) ? LanguageDetector.Detect(title + "\n" + text) : language)
            ?? KeyphraseLanguage.English;
        var stem = Stemmers.For(rules.Code);
        var tokens = PhraseTokenizer.Tokenize(title, text, rules, stem);
        if (tokens.Count == 0)
            return [];
        var words = WordStatistics.Compute(tokens);
        if (collection is not null && collection.Language == rules.Code)
            collection.Weigh(words, CollectionWeight ?? rules.CollectionWeight);
        var candidates = Candidate.Collect(tokens, rules, MaxWords);
        foreach (var candidate in candidates.Values)
        {
            var product = 1.0;
            var sum = 0.0;
            foreach (var token in candidate.Tokens.Where(t => !t.IsStop))
            {
                var weight = words[token.Stem];
                product *= weight;
                sum += weight;
            }
            candidate.Score = product / (candidate.Occurrences.Count * (1 + sum));
            if (!(NamesKeepLength && candidate.Tokens.All(t => t.IsStop || t.IsProper || t.IsNumber)) && candidate.Occurrences.Count < RepeatedPhrase)
                candidate.Score *= Math.Pow(LengthFactor ?? rules.LengthFactor, candidate.Tokens.Count(t => !t.IsStop) - 1);
            else
                candidate.Score *= Math.Pow(RepeatedLengthFactor ?? rules.RepeatedLengthFactor, candidate.Tokens.Count(t => !t.IsStop) - 1);
            if (candidate.Occurrences.Any(o => tokens[o].InTitle))
                candidate.Score *= TitleFactor;
        }
        var nounLike = candidates.Values.Where(c => IsNounLike(c, tokens, rules, LoneWordsNeedDeterminer ?? rules.LoneWordsNeedDeterminer))
            .OrderBy(c => c.Score).ThenBy(c => c.Occurrences[0]).ToList();
        return Select(Fuse(nounLike, GraphWeight ?? rules.GraphWeight, GraphPositionBias ?? rules.GraphPositionBias), tokens, count);
    }

    /// <summary>
    /// Reciprocal rank fusion (Cormack et al., SIGIR 2009) of the statistical ranking with the topic graph's: a
    /// candidate both methods rank well comes first. The constant 60 is the paper's.
    /// </summary>
    private static IEnumerable<Candidate> Fuse(List<Candidate> byStatistics, double weight, double positionBias)
    {
        if (weight <= 0 || byStatistics.Count < 2)
            return byStatistics;
        var centrality = TopicGraph.Rank(byStatistics, positionBias);
        var graphRank = new int[byStatistics.Count];
        var rank = 0;
        foreach (var i in Enumerable.Range(0, byStatistics.Count).OrderByDescending(i => centrality[i]).ThenBy(i => i))
            graphRank[i] = rank++;
        return Enumerable.Range(0, byStatistics.Count)
            .OrderByDescending(i => 1.0 / (60 + i) + weight / (60 + graphRank[i])).ThenBy(i => i)
            .Select(i => byStatistics[i]);
    }

    /// <summary>Like <see cref="Extract"/>, with suggestions that match one of the site's tags given as that tag.</summary>
    public IReadOnlyList<string> Suggest(string? title, string? text, string? language, IEnumerable<string> existingTags, int count = DefaultCount,
        DocumentFrequencies? collection = null)
    {
        var code = string.IsNullOrWhiteSpace(language) ? LanguageDetector.Detect(title + "\n" + text) ?? "en" : language;
        return new ExistingTags(existingTags, code).Apply(Extract(title, text, code, count, collection));
    }

    private List<string> Select(IEnumerable<Candidate> ranking, List<Token> tokens, int count)
    {
        var ranked = ranking.ToList();
        var chosen = new List<Candidate>();
        foreach (var next in ranked)
        {
            if (chosen.Count == count)
                break;
            var candidate = WholePhrase(next, ranked, tokens);
            if (chosen.Contains(candidate))
                continue;
            // "star Michael Buble" once, after "Michael Buble": a one-off elaboration of a chosen phrase adds nothing.
            if (candidate.Occurrences.Count == 1 && chosen.Any(c => c.Length < candidate.Length && candidate.ContentKey.Contains(c.ContentKey, StringComparison.Ordinal)))
                continue;
            // "Kutcher" after "Ashton Kutcher", "Larsson" before "Stieg Larsson": one tag per person, the full name.
            if (OneTagPerName && IsName(candidate))
            {
                if (candidate.Length == 1 && chosen.Any(c => c.Length > 1 && IsName(c) && c.Tokens[^1].Stem == candidate.Tokens[0].Stem))
                    continue;
                var surname = chosen.FindIndex(c => c.Length == 1 && IsName(c) && c.Tokens[0].Stem == candidate.Tokens[^1].Stem);
                if (candidate.Length > 1 && surname >= 0)
                {
                    if (!chosen.Contains(candidate))
                        chosen[surname] = candidate;
                    continue;
                }
            }
            var overlapping = chosen.FindIndex(c => IsRedundant(candidate, c, tokens));
            if (overlapping < 0)
                chosen.Add(candidate);
            else if (chosen.Where(c => IsRedundant(candidate, c, tokens)).All(c => c.Length < candidate.Length))
            {
                // The shorter phrases mostly stood inside this one: keep the whole in the first one's place.
                chosen[overlapping] = candidate;
                chosen.RemoveAll(c => c != candidate && IsRedundant(candidate, c, tokens));
            }

        }
        var result = new List<string>();
        foreach (var candidate in chosen)
        {
            var surface = candidate.SurfaceForm(tokens);
            if (!result.Contains(surface, StringComparer.OrdinalIgnoreCase))
                result.Add(surface);
        }
        return result;
    }

    /// <summary>
    /// "Lane" of "Lois Lane", "Tree" of "Tree of Life": a word the text rarely uses outside one repeated longer
    /// phrase stands for that phrase, so the tag is the whole phrase, whatever rank the length prior gave it.
    /// </summary>
    private Candidate WholePhrase(Candidate candidate, List<Candidate> all, List<Token> tokens) =>
        WholePhrases && candidate.Occurrences.Count >= RepeatedPhrase
            ? all.Where(c => c.Length > candidate.Length && c.Occurrences.Count >= RepeatedPhrase && IsRedundant(candidate, c, tokens))
                .MaxBy(c => c.Occurrences.Count) ?? candidate
            : candidate;

    private static bool IsName(Candidate candidate) => candidate.Tokens.All(t => t.IsProper);

    /// <summary>True when one phrase lies inside the other and the shorter one is rarely used on its own.</summary>
    private bool IsRedundant(Candidate candidate, Candidate chosen, List<Token> tokens)
    {
        var (shorter, longer) = candidate.Length < chosen.Length ? (candidate, chosen) : (chosen, candidate);
        if (shorter.Length == longer.Length || !longer.ContentKey.Contains(shorter.ContentKey, StringComparison.Ordinal))
            return candidate.ContentKey == chosen.ContentKey;
        var inside = shorter.Occurrences.Count(o => longer.Covers(o, shorter.Length));
        var alone = shorter.Occurrences.Count - inside;
        return alone < OwnUseShare * shorter.Occurrences.Count;
    }

    /// <summary>
    /// "star Michael Buble", "actress Luisana Lopilato": a common noun put before a name describes the person; the
    /// name is the tag, and the pair is rarely used the same way twice.
    /// </summary>
    private static bool IsApposition(Candidate candidate) =>
        candidate.Tokens[0] is { IsProper: false, IsAcronym: false, IsNumber: false } && candidate.Tokens[^1].IsProper;

    /// <summary>
    /// POS-free guard against verbs: a lone lower-case word, or the first or last word of a phrase, that looks like
    /// a verb or adverb form and is never used after a determiner, is no noun; nor is a lone word seen only once
    /// and never after a determiner.
    /// </summary>
    private bool IsNounLike(Candidate candidate, List<Token> tokens, KeyphraseLanguage rules, bool needDeterminer)
    {
        if (candidate.Length > 1)
        {
            if ((SkipAppositions ?? rules.SkipAppositions) && IsApposition(candidate))
                return false;
            var once = OnceNeedsDeterminer && candidate.Occurrences.Count == 1;
            if (NounHeads && LooksAdjective(candidate.Tokens[^1]))
                return false;
            return LooksNominal(candidate.Tokens[0], once) && LooksNominal(candidate.Tokens[^1], once);
        }
        if (OnceNeedsDeterminer && candidate.Occurrences.Count == 1 && !candidate.Tokens[0].IsProper && !candidate.Tokens[0].IsAcronym
            && !AfterDeterminer(candidate.Tokens[0]))
            return false;
        return LooksNominal(candidate.Tokens[0], needDeterminer);

        bool LooksNominal(Token word, bool always)
        {
            if (word.IsProper || word.IsAcronym || word.IsNumber)
                return true;
            if (VerbCues && UsedAsVerb(word))
                return false;
            if (!always && !rules.VerbLikeEndings.Any(e => word.Lower.EndsWith(e, StringComparison.Ordinal) && word.Lower.Length > e.Length + 2))
                return true;
            return AfterDeterminer(word);
        }

        bool AfterDeterminer(Token word) => tokens.Any(t => t.Stem == word.Stem && t.Index > 0 && !t.StartsSegment
            && rules.Determiners.Contains(tokens[t.Index - 1].Lower));

        bool LooksAdjective(Token word) =>
            !word.IsProper && !word.IsAcronym && !word.IsNumber
            && rules.AdjectiveEndings.Any(e => word.Lower.EndsWith(e, StringComparison.Ordinal) && word.Lower.Length > e.Length + 2)
            && !tokens.Any(t => t.Stem == word.Stem && t.Index > 0 && !t.StartsSegment && rules.Determiners.Contains(tokens[t.Index - 1].Lower)
                && (t.Index + 1 == tokens.Count || tokens[t.Index + 1].StartsSegment || tokens[t.Index + 1].IsStop));

        bool UsedAsVerb(Token word)
        {
            if (rules.VerbMarkers.Count == 0)
                return false;
            var balance = 0;
            foreach (var t in tokens)
            {
                if (t.Stem != word.Stem || t.Index == 0 || t.StartsSegment)
                    continue;
                var before = tokens[t.Index - 1].Lower;
                if (rules.VerbMarkers.Contains(before))
                    balance++;
                else if (rules.Determiners.Contains(before))
                    balance--;
            }
            return balance > 0;
        }
    }
}
