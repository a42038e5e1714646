using Gazette.Text.Languages;

namespace Gazette.Text.Keyphrases;

/// <summary>
/// What the keyphrase extractor needs to know about a language: its <see cref="LanguageProfile.Keyphrases"/> in
/// <see cref="LanguageRegistry"/>. The tuned French and English rules are here; the others are <see cref="Basic"/>.
/// </summary>
/// <param name="Code">ISO 639-1 code.</param>
/// <param name="StopWords">Words a keyphrase never is, starts with or ends with.</param>
/// <param name="Connectors">Stop-words allowed inside a phrase ("garanties de sécurité", "Bank of England").</param>
/// <param name="Determiners">Words after which a word is a noun: a POS-free cue that a lower-case word is no verb.</param>
/// <param name="Elisions">Elided prefixes cut off a word ("l’", "qu’") and treated as stop-words.</param>
/// <param name="VerbLikeEndings">Endings of verb and adverb forms; a lone lower-case word with one of them is kept
/// only if the text also uses it after a determiner.</param>
public sealed record KeyphraseLanguage(
    string Code,
    IReadOnlySet<string> StopWords,
    IReadOnlySet<string> Connectors,
    IReadOnlySet<string> Determiners,
    IReadOnlySet<string> Elisions,
    IReadOnlyList<string> VerbLikeEndings)
{
    /// <summary>Score multiplier per content word beyond the first (lower scores win): above 1 favours short
    /// phrases. Chosen by cross-validation on the development data (docs/quality.md).</summary>
    public double LengthFactor { get; init; } = 4.0;

    /// <summary>The same for phrases the text repeats (1: a repeated phrase is a set phrase and pays nothing).
    /// Chosen by cross-validation on the development data (docs/quality.md).</summary>
    public double RepeatedLengthFactor { get; init; } = 1.0;

    /// <summary>Weight of the topic graph's ranking fused with the statistical one (0: statistics alone). Chosen
    /// per language on the development data and checked by cross-validation (docs/quality.md).</summary>
    public double GraphWeight { get; init; }

    /// <summary>Exponent of the collection's word-frequency prior (<see cref="DocumentFrequencies"/>; 0: none).
    /// Checked by cross-validation on the development data (docs/quality.md).</summary>
    public double CollectionWeight { get; init; } = 1.0;

    /// <summary>Share of the topic graph's random-walk restarts that go to early candidates rather than to all
    /// alike (see <see cref="TopicGraph"/>).</summary>
    public double GraphPositionBias { get; init; }

    /// <summary>Refuse "common noun + name" phrases ("actress Luisana Lopilato"); in French such phrases are
    /// often real tags ("crise de Suez", "sommet de l'OTAN").</summary>
    public bool SkipAppositions { get; init; }

    /// <summary>Keep a lone lower-case word only if the text also uses it after a determiner (a noun cue),
    /// whatever its ending.</summary>
    public bool LoneWordsNeedDeterminer { get; init; }

    /// <summary>Subject pronouns and modal verbs: a word right after one ("she helps", "we think", "will play") is
    /// used as a verb there. A lower-case word used so more often than after a determiner is no tag, nor ends one.
    /// Empty: no such cue.</summary>
    public IReadOnlySet<string> VerbMarkers { get; init; } = Set([]);

    /// <summary>Endings of adjectives ("famous", "helpful", "possible"): a phrase ending in one is not headed by a
    /// noun, unless the text uses the word as a noun (after a determiner, before a stop-word or punctuation).</summary>
    public IReadOnlyList<string> AdjectiveEndings { get; init; } = [];

    public static readonly KeyphraseLanguage French = new(
        "fr", Languages.StopWords.French,
        Set("de du des d la l au aux"),
        Set("le la les l un une des du de d au aux ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes quelques plusieurs chaque"),
        Set("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu"),
        ["er", "é", "ée", "és", "ées", "ait", "aient", "ant", "ons", "ez", "amment", "emment", "iront", "eront", "ira", "era"])
    {
        GraphWeight = 0.5,
        GraphPositionBias = 1,
        // With whole phrases shown whole, all four French half-split runs pick 2 over 4 (docs/quality.md).
        LengthFactor = 2.0,
    };

    public static readonly KeyphraseLanguage English = new(
        "en", Languages.StopWords.English,
        Set("of for"),
        Set("the a an this that these those his her its their our my your some any each every"),
        Set([]),
        ["ed", "ing", "ly", "ize", "ise"])
    {
        GraphWeight = 1.0,
        SkipAppositions = true,
        VerbMarkers = Set("i you he she we they who will would can could should may might must shall " +
            "don't doesn't didn't won't can't cannot wouldn't couldn't shouldn't"),
        AdjectiveEndings = ["ous", "ful", "ive", "able", "ible", "less", "ish", "ical"],
        // Both halves of the dev set pick 8 over 4 in the two-fold check (docs/quality.md).
        LengthFactor = 8.0,
        // Repeated phrases too: both halves pick 4 or 8 over 1 (docs/quality.md), so one prior for all phrases.
        RepeatedLengthFactor = 8.0,
    };

    /// <summary>The rules for a story: those of <paramref name="language"/> when it has some, else those of the language
    /// detected in its text, else English.</summary>
    public static KeyphraseLanguage Choose(string? language, string? title, string? text) =>
        For(language) ?? For(LanguageDetector.Detect(title + "\n" + text)) ?? English;

    /// <summary>The rules of a language tag's language (<see cref="LanguageRegistry"/>), or <c>null</c> when it has none.</summary>
    public static KeyphraseLanguage? For(string? code) => LanguageRegistry.Find(code)?.Keyphrases;

    /// <summary>Rules with no tuning of their own: the stop words, connectors, determiners and elided prefixes.</summary>
    public static KeyphraseLanguage Basic(string code, IReadOnlySet<string> stopWords, string connectors, string determiners, string elisions = "") =>
        new(code, stopWords, Set(connectors), Set(determiners), Set(elisions), []);

    private static HashSet<string> Set(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Set(string[] words) => words.ToHashSet(StringComparer.Ordinal);
}
