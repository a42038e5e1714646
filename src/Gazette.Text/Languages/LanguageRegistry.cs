using System.Globalization;

using Gazette.Text.Keyphrases;

using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

using SnowballStemmers = Lucene.Net.Tartarus.Snowball.Ext;

namespace Gazette.Text.Languages;

/// <summary>
/// The languages Gazette knows, one <see cref="LanguageProfile"/> each: search analysis, stemmer, tag rules and stop
/// words, detection, plural rule, direction and whether the interface speaks it. Every other place asks here, so
/// adding a language is adding its entry to <see cref="All"/>. A language tag is looked up by its primary subtag
/// ("fr-CA" is French); languages not listed get the plain search chain, the English tag rules, "one" for 1 only,
/// the English interface and the direction .NET gives their culture.
/// </summary>
public static class LanguageRegistry
{
    /// <summary>The interface's fallback language, and the tag rules' fallback.</summary>
    public const string FallbackCode = "en";

    private const LuceneVersion Version = Analysis.ArticleAnalyzers.Version;

    /// <summary>French articles and pronouns that elide before a vowel: l’Ukraine, d’officialiser, qu’il, jusqu’à.</summary>
    private static readonly CharArraySet FrenchElisions = new(Version,
        ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    private static readonly CharArraySet ItalianElisions = new(Version,
        ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"],
        ignoreCase: true);

    /// <summary>Every language, in the order lists show them. The order also settles a tie in detection (earlier wins),
    /// so a new language goes last, where it cannot change what is detected for the others.</summary>
    public static readonly IReadOnlyList<LanguageProfile> All =
    [
        new("fr")
        {
            // Snowball rather than the light stemmer: news is full of verbs, and "officialisera" must find "officialiser".
            // Folded before stemming, because readers often type French without accents and Snowball treats "é" and "e" apart.
            SearchFilters = source => new SnowballFilter(new ASCIIFoldingFilter(new StopFilter(Version,
                new LowerCaseFilter(Version, new ElisionFilter(source, FrenchElisions)), FrenchAnalyzer.DefaultStopSet)), new SnowballStemmers.FrenchStemmer()),
            Stemmer = () => new SnowballStemmers.FrenchStemmer(),
            Keyphrases = KeyphraseLanguage.French,
            Detection = new("le la les l un une des du de d et est en que qui dans pour pas sur au aux ce cette il elle ils nous vous ne se sont avec par plus ont été son sa ses leur qu c j",
                "éèêëàâçùûôîïœ"),
            Plurals = PluralRule.ZeroAndOne,
            HasInterface = true,
        },
        new("en")
        {
            SearchFilters = source => new PorterStemFilter(new StopFilter(Version,
                new LowerCaseFilter(Version, new EnglishPossessiveFilter(Version, source)), EnglishAnalyzer.DefaultStopSet)),
            Stemmer = () => new SnowballStemmers.EnglishStemmer(),
            Keyphrases = KeyphraseLanguage.English,
            Detection = new("the a an and of to in is are was were that this it for on with as by at from be have has had not but or they he she we you his her their which will would been",
                ""),
            Plurals = PluralRule.OneOnly,
            HasInterface = true,
        },
        new("nl")
        {
            SearchFilters = source => new SnowballFilter(new StopFilter(Version, new LowerCaseFilter(Version, source), DutchAnalyzer.DefaultStopSet), new SnowballStemmers.DutchStemmer()),
            Stemmer = () => new SnowballStemmers.DutchStemmer(),
            Keyphrases = KeyphraseLanguage.Basic("nl", StopWords.Dutch, "van de der den het voor", "de het een deze die dit dat zijn haar hun ons onze"),
            Detection = new("de het een en van in is dat die op te voor met zijn niet aan er ook als bij maar om naar dan wordt werd heeft hebben ik je we ze hij deze nog wel",
                "ĳ"),
            Plurals = PluralRule.OneOnly,
            HasInterface = true,
        },
        new("de")
        {
            SearchFilters = source => new GermanLightStemFilter(new GermanNormalizationFilter(
                new StopFilter(Version, new LowerCaseFilter(Version, source), GermanAnalyzer.DefaultStopSet))),
            Stemmer = () => new SnowballStemmers.GermanStemmer(),
            Keyphrases = KeyphraseLanguage.Basic("de", StopWords.German, "der des von für und",
                "der die das den dem des ein eine einen einem einer dieser diese dieses sein seine ihr ihre"),
            Detection = new("der die das den dem des ein eine einen und ist in nicht zu mit von sich auf für im auch es ich sie er wir dass wird werden hat haben sind war aus bei nach heute wieder",
                "äöüß"),
            Plurals = PluralRule.OneOnly,
            HasInterface = true,
        },
        new("es")
        {
            SearchFilters = source => new SpanishLightStemFilter(new StopFilter(Version, new LowerCaseFilter(Version, source), SpanishAnalyzer.DefaultStopSet)),
            Stemmer = () => new SnowballStemmers.SpanishStemmer(),
            Keyphrases = KeyphraseLanguage.Basic("es", StopWords.Spanish, "de del la las los y", "el la los las un una unos unas este esta estos estas su sus"),
            Detection = new("el la los las un una unos y de del en que es por para con no se su sus lo al como más pero ha han son está fue muy también ya",
                "ñáíóú¿¡"),
            Plurals = PluralRule.OneOnly,
            HasInterface = true,
        },
        new("it")
        {
            SearchFilters = source => new ItalianLightStemFilter(new StopFilter(Version,
                new LowerCaseFilter(Version, new ElisionFilter(source, ItalianElisions)), ItalianAnalyzer.DefaultStopSet)),
            Stemmer = () => new SnowballStemmers.ItalianStemmer(),
            Keyphrases = KeyphraseLanguage.Basic("it", StopWords.Italian, "di del della dei delle degli e",
                "il lo la i gli le un uno una questo questa questi queste suo sua suoi sue", elisions: "l d un all dell nell sull"),
            Detection = new("il lo la i gli le un una e è di del della dei delle in che per con non si sono ha hanno da al alla nel nella anche come più ma questo questa a sul sulla ci",
                "òìàèù"),
            Plurals = PluralRule.OneOnly,
            HasInterface = true,
        },
        // Interface only: searched with the plain chain and tagged with the English rules, as before Gazette had a registry.
        new("ar")
        {
            Plurals = PluralRule.Arabic,
            RightToLeft = true,
            HasInterface = true,
        },
        new("pt")
        {
            // Lucene's own Portuguese chain (PortugueseAnalyzer): its stop set, then the light stemmer, which meets
            // plurals and feminines ("eleições", "eleição"; "ministras", "ministro") without the RSLP stemmer's overreach.
            SearchFilters = source => new PortugueseLightStemFilter(new StopFilter(Version, new LowerCaseFilter(Version, source), PortugueseAnalyzer.DefaultStopSet)),
            Stemmer = () => new SnowballStemmers.PortugueseStemmer(),
            // Lucene's Portuguese stop words (Snowball's list), and, as for French, reporting verbs, time words and
            // numbers, which are no tag.
            Keyphrases = KeyphraseLanguage.Basic("pt", StopWords.From(PortugueseAnalyzer.DefaultStopSet, """
                disse dizer diz dizem afirmou declarou anunciou explicou acrescentou segundo sobre após ainda já sempre nunca
                apenas agora depois antes então assim cada todo toda todos todas outro outra outros outras mesmo mesma
                pode podem deve devem vai vão ser ter fazer feito sido sendo ano anos dia dias vez vezes hoje ontem amanhã
                um dois três quatro cinco seis sete oito nove dez cem mil
                segunda terça quarta quinta sexta sábado domingo
                janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
                """),
                "de do da dos das e", "o a os as um uma uns umas este esta estes estas esse essa esses essas seu sua seus suas"),
            // Its commonest function words, none of which is also common in Spanish or Italian only ("el", "il"), and
            // the nasal vowels no other listed language writes.
            Detection = new("o a os as um uma de do da dos das em no na nos nas que é e por para com não se seu sua ao à pelo pela mais mas foi são está também como já ele ela eles isso ou muito",
                "ãõ"),
            // CLDR: "one" is i = 0..1 for pt (Brazil and the default), i = 1 and v = 0 for pt-PT.
            Plurals = PluralRule.ZeroAndOne,
            RegionalPlurals = new Dictionary<string, PluralRule> { ["PT"] = PluralRule.OneOnly },
            HasInterface = false,
        },
    ];

    /// <summary>The languages the interface speaks, the fallback first.</summary>
    public static readonly IReadOnlyList<string> InterfaceLanguages =
        [FallbackCode, .. All.Where(language => language.HasInterface && language.Code != FallbackCode).Select(language => language.Code)];

    private static readonly Dictionary<string, LanguageProfile> ByCode = All.ToDictionary(language => language.Code, StringComparer.Ordinal);

    /// <summary>The profile of a language tag's primary subtag ("fr-CA", "FR", " fr_BE " are French); null when unknown.</summary>
    public static LanguageProfile? Find(string? tag) => ByCode.GetValueOrDefault(PrimarySubtag(tag));

    /// <summary>The lower-case primary subtag of a language tag; empty for none.</summary>
    public static string PrimarySubtag(string? tag) => (tag ?? "").Split('-', '_')[0].Trim().ToLowerInvariant();

    /// <summary>The plural rule of a language tag: its region's when CLDR gives the region its own, else its language's.</summary>
    public static PluralRule PluralRuleOf(string? tag)
    {
        if (Find(tag) is not { } language)
            return PluralRule.OneOnly;
        var region = (tag ?? "").Trim().Split('-', '_').Skip(1).FirstOrDefault(part => part.Length == 2)?.ToUpperInvariant();
        return region is not null && language.RegionalPlurals.TryGetValue(region, out var rule) ? rule : language.Plurals;
    }

    /// <summary>Whether text in a language tag runs right to left: the registry's word, else that of .NET's culture
    /// (a Hebrew or Persian story is right to left though Gazette knows nothing else about the language).</summary>
    public static bool IsRightToLeft(string? tag)
    {
        if (Find(tag) is { } language)
            return language.RightToLeft;
        try
        {
            return !string.IsNullOrWhiteSpace(tag) && CultureInfo.GetCultureInfo(tag.Trim()).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
