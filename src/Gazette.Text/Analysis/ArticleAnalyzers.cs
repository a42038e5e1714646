using System.Collections.Concurrent;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Gazette.Text.Analysis;

/// <summary>
/// One search analyzer per story language, chosen by the BCP 47 primary subtag ("fr-CA" is French). Every chain
/// lower-cases, drops the language's stop words, stems and folds accents, so that "Securite",
/// "sécurités" and "sécurité" meet on one term whatever the reader typed. Analyzers are thread-safe and cached.
/// </summary>
public static class ArticleAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The key of the fallback analyzer, for languages without a chain of their own.</summary>
    public const string Standard = "std";

    /// <summary>Every analyzer key: the languages with their own chain, then <see cref="Standard"/>.</summary>
    public static readonly IReadOnlyList<string> Keys = ["fr", "en", "nl", "de", "es", "it", Standard];

    private static readonly ConcurrentDictionary<string, Analyzer> Cache = new();

    /// <summary>French articles and pronouns that elide before a vowel: l’Ukraine, d’officialiser, qu’il, jusqu’à.</summary>
    private static readonly CharArraySet FrenchElisions = new(Version,
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    private static readonly CharArraySet ItalianElisions = new(Version,
        ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"],
        ignoreCase: true);

    /// <summary>The analyzer key of a language tag: its primary subtag when it has a chain, else <see cref="Standard"/>.</summary>
    public static string KeyOf(string? language)
    {
        var primary = (language ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();
        return Keys.Contains(primary) ? primary : Standard;
    }

    /// <summary>The analyzer of a language tag (or of an analyzer key).</summary>
    public static Analyzer For(string? language) => Cache.GetOrAdd(KeyOf(language), Create);

    /// <summary>The terms a text gives under a language's analysis, in order (stop words dropped).</summary>
    public static IReadOnlyList<string> Terms(string? language, string text, string field = "text")
    {
        var terms = new List<string>();
        using var stream = For(language).GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    private static Analyzer Create(string key) => key switch
    {
        // Snowball rather than the light stemmer: news is full of verbs, and "officialisera" must find "officialiser".
        // Folded before stemming, because readers often type French without accents and Snowball treats "é" and "e" apart.
        "fr" => new Chain(source => new SnowballFilter(
            new ASCIIFoldingFilter(new StopFilter(Version, new LowerCaseFilter(Version, new ElisionFilter(source, FrenchElisions)), FrenchAnalyzer.DefaultStopSet)),
            new Lucene.Net.Tartarus.Snowball.Ext.FrenchStemmer())),
        "en" => new Chain(source => new PorterStemFilter(
            new StopFilter(Version, new LowerCaseFilter(Version, new EnglishPossessiveFilter(Version, source)), EnglishAnalyzer.DefaultStopSet))),
        "nl" => new Chain(source => new SnowballFilter(
            new StopFilter(Version, new LowerCaseFilter(Version, source), DutchAnalyzer.DefaultStopSet), new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer())),
        "de" => new Chain(source => new GermanLightStemFilter(new GermanNormalizationFilter(
            new StopFilter(Version, new LowerCaseFilter(Version, source), GermanAnalyzer.DefaultStopSet)))),
        "es" => new Chain(source => new SpanishLightStemFilter(
            new StopFilter(Version, new LowerCaseFilter(Version, source), SpanishAnalyzer.DefaultStopSet))),
        "it" => new Chain(source => new ItalianLightStemFilter(
            new StopFilter(Version, new LowerCaseFilter(Version, new ElisionFilter(source, ItalianElisions)), ItalianAnalyzer.DefaultStopSet))),
        _ => new Chain(source => new LowerCaseFilter(Version, source)),
    };

    /// <summary>Standard tokenizer, the language's filters, then accent folding.</summary>
    private sealed class Chain(Func<TokenStream, TokenStream> languageFilters) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(languageFilters(source)));
        }
    }
}
