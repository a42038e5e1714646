using System.Collections.Concurrent;

using Gazette.Text.Languages;

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Gazette.Text.Analysis;

/// <summary>
/// One search analyzer per story language, chosen by the BCP 47 primary subtag ("fr-CA" is French), built from the
/// language's filters in <see cref="LanguageRegistry"/>. Every chain lower-cases, drops the language's stop words,
/// stems and folds accents, so that "Securite", "sécurités" and "sécurité" meet on one term whatever the reader typed. Analyzers are thread-safe and cached.
/// </summary>
public static class ArticleAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The key of the fallback analyzer, for languages without a chain of their own.</summary>
    public const string Standard = "std";

    /// <summary>Every analyzer key: the languages with their own chain, then <see cref="Standard"/>.</summary>
    public static readonly IReadOnlyList<string> Keys =
        [.. LanguageRegistry.All.Where(language => language.SearchFilters is not null).Select(language => language.Code), Standard];

    private static readonly ConcurrentDictionary<string, Analyzer> Cache = new();

    /// <summary>The analyzer key of a language tag: its primary subtag when it has a chain, else <see cref="Standard"/>.</summary>
    public static string KeyOf(string? language)
    {
        var primary = LanguageRegistry.PrimarySubtag(language);
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

    private static Analyzer Create(string key) =>
        new Chain(LanguageRegistry.Find(key)?.SearchFilters ?? (source => new LowerCaseFilter(Version, source)));

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
