namespace Gazette.Text.Keyphrases;

/// <summary>A candidate phrase: all the places where the same sequence of stems occurs.</summary>
internal sealed class Candidate(IReadOnlyList<Token> tokens, string contentKey)
{
    public IReadOnlyList<Token> Tokens { get; } = tokens;

    /// <summary>The stems, space-separated and padded with spaces, so that containment is word-wise.</summary>
    public string ContentKey { get; } = contentKey;

    public List<int> Occurrences { get; } = [];
    public int Length => Tokens.Count;
    public double Score { get; set; }

    public bool Covers(int start, int length) =>
        Occurrences.Any(o => o <= start && start + length <= o + Length);

    /// <summary>
    /// The commonest spelling where capitals mean something; otherwise the first spelling with names and
    /// acronyms kept as written and other words in lower case.
    /// </summary>
    public string SurfaceForm(List<Token> all)
    {
        var informative = Occurrences.Where(o => all[o].HasInformativeCase).ToList();
        if (informative.Count > 0)
            return informative.Select(o => Spell(all, o)).GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;
        var words = Enumerable.Range(Occurrences[0], Length).Select(i => all[i]);
        return Join(words.Select(w => w.IsProper || w.IsAcronym ? w.Surface : w.Surface.ToLowerInvariant()));
    }

    /// <summary>Joins words with spaces, except after an elided word ("plan d'économies").</summary>
    private static string Join(IEnumerable<string> words) =>
        string.Concat(words.Select((w, i) => i == 0 ? w : " " + w)).Replace("' ", "'", StringComparison.Ordinal);

    private string Spell(List<Token> all, int start) =>
        Join(Enumerable.Range(start, Length).Select(i => all[i].Surface));

    public static Dictionary<string, Candidate> Collect(List<Token> tokens, KeyphraseLanguage rules, int maxWords)
    {
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var first = tokens[i];
            if (first.IsStop || first.IsNumber || char.IsDigit(first.Lower[0]) || IsTooShort(first))
                continue;
            var content = 0;
            for (var n = 1; n <= maxWords && i + n <= tokens.Count; n++)
            {
                var last = tokens[i + n - 1];
                if (n > 1 && last.StartsSegment || IsTooShort(last))
                    break;
                if (last.IsStop)
                {
                    if (!rules.Connectors.Contains(last.Lower))
                        break;
                    continue;
                }
                if (++content > 3)
                    break;
                if (CutsName(tokens, i, n))
                    continue;
                var words = tokens.GetRange(i, n);
                var key = " " + string.Join(' ', words.Select(t => t.Stem)) + " ";
                if (!candidates.TryGetValue(key, out var candidate))
                    candidates[key] = candidate = new Candidate(words, key);
                candidate.Occurrences.Add(i);
            }
        }
        return candidates;
    }

    /// <summary>True when the phrase starts or ends inside a run of capitalized words ("TV star Luisana" of
    /// "TV star Luisana Lopilato"), which would cut a name in two.</summary>
    private static bool CutsName(List<Token> tokens, int start, int length)
    {
        static bool IsNamePart(Token t) => t.IsProper;
        var last = tokens[start + length - 1];
        var next = start + length < tokens.Count ? tokens[start + length] : null;
        if (next is not null && !next.StartsSegment && IsNamePart(last) && IsNamePart(next))
            return true;
        var first = tokens[start];
        return start > 0 && !first.StartsSegment && IsNamePart(first) && IsNamePart(tokens[start - 1]);
    }

    private static bool IsTooShort(Token token) => token.Lower.Length < 2 && !token.IsStop && !char.IsDigit(token.Lower[0]);
}
