using Gazette.Text.Keyphrases;

using Lucene.Net.Analysis;
using Lucene.Net.Tartarus.Snowball;

namespace Gazette.Text.Languages;

/// <summary>
/// Everything Gazette knows about one language, as one entry of <see cref="LanguageRegistry"/>. A part left empty
/// is a statement, not an oversight: Arabic has no search chain, stemmer, tag rules or detection profile of its own
/// (it is searched with the plain chain and tagged with the English rules), and the registry's tests say which
/// languages may lack what.
/// </summary>
/// <param name="Code">ISO 639-1 code, the primary subtag of the stories' language tags.</param>
public sealed record LanguageProfile(string Code)
{
    /// <summary>The search analysis after Lucene's standard tokenizer: lower-casing, stop words and stemming. The
    /// analyzer folds accents after these (see <see cref="Analysis.ArticleAnalyzers"/>). Null: the plain chain.</summary>
    public Func<TokenStream, TokenStream>? SearchFilters { get; init; }

    /// <summary>A new Snowball stemmer for tags and keyphrases (an instance keeps state). Null: words are not stemmed.</summary>
    public Func<SnowballProgram>? Stemmer { get; init; }

    /// <summary>The rules of the tag suggester. Null: stories in this language are tagged with the English rules.</summary>
    public KeyphraseLanguage? Keyphrases { get; init; }

    /// <summary>The words a tag never is, starts or ends with. They are the tag suggester's, so one list serves both.</summary>
    public IReadOnlySet<string>? StopWords => Keyphrases?.StopWords;

    /// <summary>How <see cref="LanguageDetector"/> recognises the language. Null: never detected.</summary>
    public DetectionProfile? Detection { get; init; }

    /// <summary>The CLDR plural rule for counts (which form "1 comment", "0 comments" take).</summary>
    public required PluralRule Plurals { get; init; }

    /// <summary>Regions whose CLDR rule differs from the language's, by region subtag (pt-PT: only 1 is singular).</summary>
    public IReadOnlyDictionary<string, PluralRule> RegionalPlurals { get; init; } = new Dictionary<string, PluralRule>();

    /// <summary>Written right to left (the HTML <c>dir="rtl"</c>).</summary>
    public bool RightToLeft { get; init; }

    /// <summary>The interface speaks it: the web project has its <c>Labels.{Code}.resx</c> and <c>Newsroom.{Code}.resx</c>.
    /// Otherwise its pages show the English labels (with the language's own dates and numbers).</summary>
    public required bool HasInterface { get; init; }
}

/// <summary>
/// What the language detector looks for: the commonest function words only (long lists would favour the language
/// with the longest list), and letters only some of the languages use.
/// </summary>
public sealed record DetectionProfile(IReadOnlySet<string> FunctionWords, string TellingLetters)
{
    public DetectionProfile(string functionWords, string tellingLetters)
        : this(functionWords.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), tellingLetters)
    {
    }
}
