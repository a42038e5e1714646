using System.Globalization;

using Gazette.Site;
using Gazette.Text.Analysis;

using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace Gazette.Search;

/// <summary>One story found, as result lists show it. <see cref="HeadlineHtml"/> and <see cref="SnippetHtml"/> are
/// encoded text in which only the highlighter's <c>&lt;mark&gt;</c> tags are markup.</summary>
public sealed record SearchHit(int Id, string HeadlineHtml, string SnippetHtml, string Language, string Path,
    DateTime PublishedAt, string? SectionName, string? SectionSlug, IReadOnlyList<string> AuthorNames, string? ImageUrl, string? ImageAlt);

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageCount,
    IReadOnlyList<string> SimilarWords, bool IndexRebuilding)
{
    public static readonly SearchResults Empty = new([], 0, 1, 1, [], false);
}

/// <summary>
/// Turns a reader's words into a Lucene query without Lucene's query syntax: the text goes through each
/// language's analyzer and becomes, per language, "every word in some field" with the headline weighing most.
/// Nothing a reader types can be a syntax error. Double quotes around words ask for them as a phrase.
/// </summary>
public sealed class ArticleSearch(SearchIndex index)
{
    private const int SnippetFragments = 2;

    /// <summary>Searches the index; null when the index is being built and cannot answer yet.</summary>
    public SearchResults? Search(SearchRequest request, DateTime nowUtc, TimeZoneInfo zone)
    {
        var browsing = request.Query.Length == 0;
        // A search in one language (the language filter, or an edition's scope) reads the words in that language only.
        var keys = request.Language is { } language ? [ArticleAnalyzers.KeyOf(language)] : ArticleAnalyzers.Keys;
        var text = browsing ? null : TextQuery(request.Query, keys);
        if (!browsing && text is null || browsing && !request.HasFilters)
            return index.IsReady ? SearchResults.Empty : null;
        return index.Search(searcher =>
        {
            var results = Run(searcher, text, request, nowUtc, zone, []);
            if (results.Total > 0 || browsing)
                return results;
            // Nothing matched: each word the index lacks is replaced by its nearest indexed words, then searched as usual.
            var similar = new SimilarTerms(searcher.IndexReader);
            return TextQuery(request.Query, keys, similar.For) is { } corrected ? Run(searcher, corrected, request, nowUtc, zone, null) : results;
        });
    }

    private static SearchResults Run(IndexSearcher searcher, TextQueries? text, SearchRequest request, DateTime nowUtc, TimeZoneInfo zone,
        IReadOnlyList<string>? similarWords)
    {
        var sort = request.Sort == SearchSort.Date || text is null
            ? new Sort(new SortField(ArticleDocument.Published, SortFieldType.INT64, reverse: true))
            : new Sort(SortField.FIELD_SCORE, new SortField(ArticleDocument.Published, SortFieldType.INT64, reverse: true));
        var wanted = request.Page * SearchRequest.PageSize;
        var top = searcher.Search(Filtered(text?.Any, request, nowUtc, zone), wanted, sort);
        var pageCount = Math.Max(1, (top.TotalHits + SearchRequest.PageSize - 1) / SearchRequest.PageSize);
        var marked = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var hits = top.ScoreDocs.Skip((request.Page - 1) * SearchRequest.PageSize)
            .Select(scoreDoc => Hit(searcher.Doc(scoreDoc.Doc), text, zone, marked))
            .ToList();
        return new SearchResults(hits, top.TotalHits, request.Page, pageCount, similarWords ?? marked.Take(5).ToList(), false);
    }

    /// <summary>The whole query, and each language's reading of it alone (what a story in that language is highlighted with).</summary>
    internal sealed record TextQueries(Query Any, IReadOnlyDictionary<string, Query> ByLanguage);

    /// <summary>Every language's reading of the words, each requiring all its words in the language's text field,
    /// with a bonus for each found in the headline; null when no word is left. <paramref name="alternatives"/> may
    /// replace each analysed term by others (the spelling fallback); a language in which some word has no
    /// alternative drops out.</summary>
    internal static TextQueries? TextQuery(string text, IReadOnlyList<string> keys, Func<string, string, IReadOnlyList<string>>? alternatives = null)
    {
        var (phrases, words) = SplitPhrases(text);
        var anyLanguage = new BooleanQuery();
        var byLanguage = new Dictionary<string, Query>();
        foreach (var key in keys)
        {
            var allWords = new BooleanQuery();
            var complete = true;
            foreach (var term in ArticleAnalyzers.Terms(key, words).Distinct())
            {
                var choices = alternatives?.Invoke(key, term) ?? [term];
                complete &= choices.Count > 0;
                InTextAndHeadline(allWords, key, field =>
                {
                    if (choices.Count == 1)
                        return new TermQuery(new Term(field, choices[0]));
                    var anyChoice = new BooleanQuery();
                    foreach (var choice in choices)
                        anyChoice.Add(new TermQuery(new Term(field, choice)), Occur.SHOULD);
                    return anyChoice;
                });
            }
            foreach (var phrase in phrases)
            {
                var positions = Positions(key, phrase);
                if (positions.Count == 0)
                    continue;
                InTextAndHeadline(allWords, key, field =>
                {
                    var query = new PhraseQuery();
                    foreach (var (term, position) in positions)
                        query.Add(new Term(field, term), position);
                    return query;
                });
            }
            if (allWords.Clauses.Count == 0 || !complete)
                continue;
            anyLanguage.Add(allWords, Occur.SHOULD);
            byLanguage[key] = allWords;
        }
        return anyLanguage.Clauses.Count == 0 ? null : new TextQueries(anyLanguage, byLanguage);
    }

    /// <summary>Requires the words in the language's text field; the same words in the headline add to the score.</summary>
    private static void InTextAndHeadline(BooleanQuery query, string key, Func<string, Query> make)
    {
        query.Add(make(ArticleDocument.TextField(key)), Occur.MUST);
        var headline = make(ArticleDocument.HeadlineField(key));
        headline.Boost = ArticleDocument.HeadlineBoost;
        query.Add(headline, Occur.SHOULD);
    }

    /// <summary>
    /// The words' query narrowed to public stories and the reader's filters. The date range reads the published
    /// instant's doc values for the candidate stories only, rather than enumerating the dates of every story per search.
    /// </summary>
    private static Query Filtered(Query? text, SearchRequest request, DateTime nowUtc, TimeZoneInfo zone)
    {
        var from = request.From is { } fromDate ? StartOfDayUtc(fromDate, zone).Ticks : (long?)null;
        var to = Math.Min(nowUtc.Ticks, request.To is { } toDate ? StartOfDayUtc(toDate.AddDays(1), zone).Ticks - 1 : long.MaxValue);
        var all = new BooleanQuery();
        if (text is not null)
            all.Add(text, Occur.MUST);
        void Require(string field, string? value)
        {
            // Boost 0: a filter narrows, it does not change the ranking.
            if (value is not null)
                all.Add(new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 }, Occur.MUST);
        }
        Require(ArticleDocument.SectionSlug, request.Section);
        Require(ArticleDocument.TagSlug, request.Tag);
        Require(ArticleDocument.AuthorSlug, request.Author);
        Require(ArticleDocument.Language, request.Language);
        Query query = all.Clauses.Count > 0 ? all : new MatchAllDocsQuery();
        return new FilteredQuery(query, FieldCacheRangeFilter.NewInt64Range(ArticleDocument.Published, from, to, true, true),
            FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
    }

    /// <summary>Quoted runs become phrases; an unbalanced quote is just ignored.</summary>
    private static (List<string> Phrases, string Words) SplitPhrases(string text)
    {
        var parts = text.Split('"');
        var phrases = new List<string>();
        var words = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1 && i < parts.Length - 1;
            (quoted ? phrases : words).Add(parts[i]);
        }
        return (phrases, string.Join(' ', words));
    }

    private static List<(string Term, int Position)> Positions(string key, string phrase)
    {
        var terms = new List<(string, int)>();
        using var stream = ArticleAnalyzers.For(key).GetTokenStream("phrase", phrase);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var position = -1;
        stream.Reset();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }

    internal static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change: the day starts at the first hour that exists.
        while (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static SearchHit Hit(Document document, TextQueries? text, TimeZoneInfo zone, ISet<string> marked)
    {
        var language = document.Get(ArticleDocument.LanguageTag);
        var key = ArticleAnalyzers.KeyOf(language);
        var query = text?.ByLanguage.GetValueOrDefault(key);
        // One scorer per story: its terms are those of the language's text field, which holds every shown field's words.
        var scorer = query is null ? null : new QueryScorer(query, ArticleDocument.TextField(key));
        var published = new DateTime(long.Parse(document.Get(ArticleDocument.Published), CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var headline = document.Get(ArticleDocument.Headline);
        var second = document.Get(ArticleDocument.SecondHeadline);
        var display = string.IsNullOrWhiteSpace(second) ? headline : $"{headline} • {second}";
        var headlineHtml = Highlight(scorer, key, display, whole: true, marked);
        var snippet = Highlight(scorer, key, document.Get(ArticleDocument.Body), whole: false, marked);
        var standfirst = document.Get(ArticleDocument.Standfirst);
        if (snippet is null || !snippet.Contains("<mark>", StringComparison.Ordinal))
            snippet = Highlight(scorer, key, standfirst, whole: true, marked) ?? snippet;
        return new SearchHit(
            int.Parse(document.Get(ArticleDocument.Id), CultureInfo.InvariantCulture),
            headlineHtml ?? Encode(display),
            snippet ?? Encode(standfirst),
            language,
            Addresses.Story(language, document.Get(ArticleDocument.Slug), published, zone),
            published,
            document.Get(ArticleDocument.Section),
            document.Get(ArticleDocument.SectionSlug),
            document.GetValues(ArticleDocument.Authors),
            document.Get(ArticleDocument.ImageUrl),
            document.Get(ArticleDocument.ImageAlt));
    }

    /// <summary>The text with the query's words in <c>&lt;mark&gt;</c> (all of it, or its best fragments); null without a match.</summary>
    private static string? Highlight(QueryScorer? scorer, string key, string? text, bool whole, ISet<string> marked)
    {
        if (string.IsNullOrEmpty(text) || scorer is null)
            return null;
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalHtmlEncoder(), scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, 160),
        };
        using var stream = ArticleAnalyzers.For(key).GetTokenStream(ArticleDocument.TextField(key), text);
        var fragments = highlighter.GetBestFragments(stream, text, whole ? 1 : SnippetFragments);
        if (fragments.Length == 0)
            return null;
        var html = string.Join(" … ", fragments);
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(html, "<mark>(.*?)</mark>"))
            marked.Add(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value));
        return html;
    }

    private static string Encode(string? text) => System.Net.WebUtility.HtmlEncode(text ?? "");

    /// <summary>Escapes only what HTML needs (&lt; &gt; &amp; quotes): accents stay themselves, as on the rest of the site.</summary>
    private sealed class MinimalHtmlEncoder : IEncoder
    {
        private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
            System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        public string EncodeText(string originalText) => Encoder.Encode(originalText);
    }
}
