using System.Text;
using System.Text.RegularExpressions;

namespace Gazette.Text.Keyphrases;

/// <summary>One word of the text, with what the extractor needs to know about where it stands.</summary>
internal sealed record Token(string Surface, string Lower, string Stem, bool IsStop, int Sentence, int Index)
{
    /// <summary>Punctuation (or a sentence end) separates this word from the previous one: phrases never span it.</summary>
    public bool StartsSegment { get; init; }
    public bool StartsSentence { get; init; }
    public bool InTitle { get; init; }

    /// <summary>Capitalized where capitals mean something: not a sentence start, not a title-cased headline.</summary>
    public bool HasInformativeCase { get; set; }

    /// <summary>Capitalized here and, where the text tells, usually capitalized: part of a name.</summary>
    public bool IsProper { get; set; }
    public bool IsNumber => Lower.All(c => char.IsDigit(c) || c is '.' or ',' or '-');
    public bool IsCapitalized => char.IsUpper(Surface[0]);
    public bool IsAcronym => Surface.Length > 1 && Surface.Count(char.IsUpper) > 1 && !Surface.Any(char.IsLower);
}

/// <summary>
/// Splits a title and a text into words and sentences. Hyphenated and dotted words stay whole ("OTAN-Ukraine",
/// "U.S."); elided prefixes ("l’", "qu’") and English possessive "’s" are cut off as stop-words; any other
/// punctuation, quotes included, ends a phrase.
/// </summary>
internal static partial class PhraseTokenizer
{
    public static List<Token> Tokenize(string title, string text, KeyphraseLanguage language, Func<string, string> stem)
    {
        var tokens = new List<Token>();
        var sentence = 0;
        if (!string.IsNullOrWhiteSpace(title))
        {
            Add(tokens, Normalize(title), language, stem, ref sentence, inTitle: true);
            sentence++;
        }
        Add(tokens, Normalize(text), language, stem, ref sentence, inTitle: false);
        MarkNames(tokens);
        return tokens;
    }

    private static void MarkNames(List<Token> tokens)
    {
        var titleCased = IsTitleCased(tokens.Where(t => t.InTitle).ToList());
        foreach (var token in tokens)
            token.HasInformativeCase = !token.StartsSentence && !(titleCased && token.InTitle);
        var capitals = tokens.Where(t => t.HasInformativeCase && !t.IsStop).GroupBy(t => t.Stem)
            .ToDictionary(g => g.Key, g => g.Count(t => t.IsCapitalized) - g.Count(t => !t.IsCapitalized));
        foreach (var token in tokens)
            token.IsProper = token.IsCapitalized && !token.IsStop && (capitals.TryGetValue(token.Stem, out var balance) ? balance > 0 : token.HasInformativeCase || LooksLikeName(token.Surface));
        // "Jens Stoltenberg" opening a sentence: a capitalized word with no other evidence, followed by a name.
        for (var i = tokens.Count - 2; i >= 0; i--)
        {
            var token = tokens[i];
            if (!token.IsProper && token.IsCapitalized && !token.IsStop && !capitals.ContainsKey(token.Stem)
                && tokens[i + 1].IsProper && !tokens[i + 1].StartsSegment)
                token.IsProper = true;
        }
    }

    /// <summary>"États-Unis", "SpaceX": capitals after the first letter mark a name even at a sentence start.</summary>
    private static bool LooksLikeName(string word) => word.Skip(1).Any(char.IsUpper);

    private static bool IsTitleCased(List<Token> title)
    {
        var content = title.Where(t => !t.IsStop && !t.IsNumber).ToList();
        var capitalized = content.Count(t => t.IsCapitalized);
        return content.Count >= 3 && (capitalized == content.Count
            || capitalized >= 0.75 * content.Count && title.Any(t => t.IsStop && t.IsCapitalized && !t.StartsSentence));
    }

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00AD' or '\u200B':
                    break;
                case '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4':
                    builder.Append('\'');
                    break;
                case '\u2010' or '\u2011':
                    builder.Append('-');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString().Replace("&amp;", "&").Replace("&quot;", "\"").Replace("\"\"", "\"");
    }

    private static void Add(List<Token> tokens, string text, KeyphraseLanguage language, Func<string, string> stem, ref int sentence, bool inTitle)
    {
        var previousEnd = 0;
        var first = true;
        foreach (Match match in WordPattern().Matches(text))
        {
            var gap = text.AsSpan(previousEnd, match.Index - previousEnd);
            var sentenceEnds = !first && EndsSentence(gap, text, previousEnd);
            if (sentenceEnds)
                sentence++;
            var segmentStart = first || sentenceEnds || HasPunctuation(gap);
            var sentenceStart = first || sentenceEnds;
            previousEnd = match.Index + match.Length;
            first = false;
            foreach (var word in SplitWord(match.Value.TrimEnd('.'), match.Value, language))
            {
                var lower = word.ToLowerInvariant().TrimEnd('\'');
                var isStop = language.StopWords.Contains(lower) && !(word.Length > 1 && word.All(char.IsUpper));
                tokens.Add(new Token(word, lower, stem(lower), isStop, sentence, tokens.Count)
                {
                    StartsSegment = segmentStart,
                    StartsSentence = sentenceStart,
                    InTitle = inTitle,
                });
                segmentStart = false;
                sentenceStart = false;
            }
        }
    }

    private static IEnumerable<string> SplitWord(string word, string raw, KeyphraseLanguage language)
    {
        // Keep dots of acronyms ("U.S.") but not a sentence's full stop glued to a word.
        if (raw.EndsWith('.') && raw.Count(c => c == '.') > 1)
            word = raw;
        var apostrophe = word.IndexOf('\'');
        if (apostrophe > 0 && language.Elisions.Contains(word[..apostrophe].ToLowerInvariant()) && apostrophe < word.Length - 1)
        {
            yield return word[..(apostrophe + 1)];
            foreach (var rest in SplitWord(word[(apostrophe + 1)..], word[(apostrophe + 1)..], language))
                yield return rest;
            yield break;
        }
        if (word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && word.Length > 2)
        {
            yield return word[..^2];
            yield break;
        }
        yield return word.Trim('\'');
    }

    private static bool EndsSentence(ReadOnlySpan<char> gap, string text, int gapStart)
    {
        if (gap.Contains('\n') || gap.ContainsAny("!?;") || gap.Contains(':'))
            return true;
        // "word. Next" ends a sentence; a dot glued to the previous word was trimmed from it, so look back one char.
        var dotBefore = gapStart > 0 && text[gapStart - 1] == '.';
        return gap.Contains('.') || dotBefore && gap.Length > 0 && gap[0] == ' ';
    }

    private static bool HasPunctuation(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (!char.IsWhiteSpace(c))
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:(?:['\-&]|\.(?=\p{L}))[\p{L}\p{M}\p{N}]+)*\.?")]
    private static partial Regex WordPattern();
}
