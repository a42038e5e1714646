using Lucene.Net.Index;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Gazette.Search;

/// <summary>
/// "Did you mean": for a word the index does not hold, the closest words it does hold, found by walking each
/// language's term dictionary (its text field) with one Levenshtein automaton per word. A fuzzy query would build
/// that automaton again for each language and then score every near word; here the automaton is built once and the
/// corrected words run as one ordinary search.
/// </summary>
public sealed class SimilarTerms(IndexReader reader)
{
    /// <summary>At most this many corrections per word, the closest and most used first.</summary>
    private const int MaxAlternatives = 3;

    private readonly Dictionary<string, CompiledAutomaton> automata = [];

    /// <summary>The term itself when the language's fields hold it; else its nearest terms there (none when nothing is near).</summary>
    public IReadOnlyList<string> For(string key, string term)
    {
        var field = ArticleDocument.TextField(key);
        if (reader.DocFreq(new Term(field, new BytesRef(term))) > 0)
            return [term];
        if (term.Length < 3 || MultiFields.GetTerms(reader, field) is not { } terms)
            return [];
        var found = new Dictionary<string, int>();
        var matches = Automaton(term).GetTermsEnum(terms);
        while (matches.MoveNext())
            found[matches.Term.Utf8ToString()] = matches.DocFreq;
        return found
            .OrderBy(pair => Distance(term, pair.Key)).ThenByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(MaxAlternatives).Select(pair => pair.Key).ToList();
    }

    /// <summary>One edit below eight letters, two from eight; the first letter is kept, as misspellings rarely start there.</summary>
    private CompiledAutomaton Automaton(string term)
    {
        if (automata.TryGetValue(term, out var compiled))
            return compiled;
        var edits = term.Length >= 8 ? 2 : 1;
        var first = char.IsSurrogatePair(term, 0) ? 2 : 1;
        var automaton = BasicOperations.Concatenate(
            BasicAutomata.MakeString(term[..first]),
            new LevenshteinAutomata(term[first..], withTranspositions: true).ToAutomaton(edits));
        return automata[term] = new CompiledAutomaton(automaton, true, false);
    }

    /// <summary>Edit distance counting a swap of neighbours as one edit, as the automaton does.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
